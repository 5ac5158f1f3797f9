import { type RouteConfig, z } from '@hono/zod-openapi';
import { OrderWebhookEventSchema, StockWebhookEventSchema, WebhookEventTypeSchema, type WebhookEventType } from '../schemas/webhook-events.ts';
import { jsonBody } from './problems.ts';

// The requests the webhook sender makes to an integrator's endpoint: the document's OpenAPI 3.1
// `webhooks`, one per event type. How to verify them is in the README ("Webhooks") and the SDK
// (openapi/sdk/webhooks.ts).
const DeliveryHeadersSchema = z.object({
  'webhook-id': z.string().openapi({ description: "The event's id, the same on every retry: deduplicate on it", example: 'evt_order_4711' }),
  'webhook-signature': z.string().openapi({
    description:
      't=<unix seconds>,v1=<hex HMAC-SHA256 keyed with the endpoint secret (the whole whsec_… string) over "<t>.<raw body>">; refuse timestamps older than 5 minutes and compare in constant time',
    example: 't=1767261600,v1=54ff0019223781d40c23f388c7996caea97945ba0c570204c5ed8c6b743e211b',
  }),
});

const SUMMARIES: Record<WebhookEventType, string> = {
  'order.paid': 'An order was paid',
  'order.shipped': 'An order was shipped',
  'order.delivered': 'An order was delivered',
  'order.cancelled': 'An order was cancelled (by its customer, an operator, or its payment window ending)',
  'order.refunded': 'An order was refunded',
  'product.low_stock': "A product's available units fell to the low-stock threshold or below",
  'product.out_of_stock': "A product's available units reached zero",
};

export const webhookEventDefinitions: RouteConfig[] = WebhookEventTypeSchema.options.map((type) => ({
  method: 'post',
  path: type,
  tags: ['webhooks'],
  summary: SUMMARIES[type],
  description:
    'Sent to every enabled endpoint subscribed to the event type, at least once: until a 2xx answer within 10 s, with exponential backoff over hours; then the delivery is dead (an operator may redeliver it).',
  request: { headers: DeliveryHeadersSchema, body: jsonBody(type.startsWith('order.') ? OrderWebhookEventSchema : StockWebhookEventSchema) },
  responses: {
    200: { description: 'Any 2xx acknowledges the delivery; anything else, a redirect, a timeout or a refused connection is retried' },
  },
}));
