// Verifying a webhook delivery (README, "Webhooks"): Webhook-Signature is
// `t=<unix seconds>,v1=<hex HMAC-SHA256>` keyed with the endpoint's secret (the whole
// "whsec_…" string, UTF-8) over "<t>.<raw body>". Web Crypto only, so it runs in Node,
// Workers and browsers. Verify over the raw bytes received, before parsing the JSON.

export type WebhookVerification =
  | { valid: true; timestamp: number }
  | { valid: false; reason: 'malformed header' | 'timestamp outside tolerance' | 'signature mismatch' };

const encoder = new TextEncoder();

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function verifyWebhookSignature(opts: {
  secret: string;
  /** The Webhook-Signature header as received. */
  header: string | null | undefined;
  /** The request body exactly as received. */
  body: string | Uint8Array<ArrayBuffer>;
  /** How old (or how far ahead) a timestamp may be; 300 s unless told. */
  toleranceSeconds?: number;
  /** Unix seconds; now unless told. */
  now?: number;
}): Promise<WebhookVerification> {
  const fields = (opts.header ?? '').split(',').map((f) => f.trim().split('='));
  const t = fields.find(([k]) => k === 't')?.[1];
  // several v1 values during a secret rotation: any one may match
  const signatures = fields.filter(([k, v]) => k === 'v1' && v).map(([, v]) => hexBytes(v!));
  if (!t || !/^\d+$/.test(t) || signatures.length === 0 || signatures.some((s) => s === null)) return { valid: false, reason: 'malformed header' };
  const timestamp = Number(t);
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (opts.toleranceSeconds ?? 300)) return { valid: false, reason: 'timestamp outside tolerance' };

  const key = await crypto.subtle.importKey('raw', encoder.encode(opts.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const body = typeof opts.body === 'string' ? encoder.encode(opts.body) : opts.body;
  const signed = new Uint8Array(t.length + 1 + body.length);
  signed.set(encoder.encode(`${t}.`));
  signed.set(body, t.length + 1);
  // crypto.subtle.verify compares in constant time
  for (const signature of signatures) if (await crypto.subtle.verify('HMAC', key, signature!, signed)) return { valid: true, timestamp };
  return { valid: false, reason: 'signature mismatch' };
}
