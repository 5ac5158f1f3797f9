import { z } from '@hono/zod-openapi';

// The events integrators can subscribe a webhook endpoint to. Order events follow the order's
// status history; stock events fire when a product's available units cross the low-stock
// threshold or reach zero.
export const WebhookEventTypeSchema = z
  .enum(['order.paid', 'order.shipped', 'order.delivered', 'order.cancelled', 'order.refunded', 'product.low_stock', 'product.out_of_stock'])
  .openapi('WebhookEventType');
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;
