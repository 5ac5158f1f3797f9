import { createHmac } from 'node:crypto';

// The Webhook-Signature header (Stripe's scheme): t=<unix seconds>,v1=<hex HMAC-SHA256 keyed
// with the endpoint's secret string (UTF-8, "whsec_…" prefix included) over "<t>.<raw body>">.
// Receivers verify it with openapi/sdk/webhooks.ts or their own code (README, "Webhooks").
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}
