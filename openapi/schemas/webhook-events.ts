import { z } from '@hono/zod-openapi';

// The events integrators can subscribe a webhook endpoint to. Order events follow the order's
// status history; stock events fire when a product's available units cross the low-stock
// threshold or reach zero.
export const WebhookEventTypeSchema = z
  .enum(['order.paid', 'order.shipped', 'order.delivered', 'order.cancelled', 'order.refunded', 'product.low_stock', 'product.out_of_stock'])
  .openapi('WebhookEventType');
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** The order statuses that are events an endpoint can subscribe to (order.<status>). */
export const WebhookOrderStatusSchema = z.enum(['paid', 'shipped', 'delivered', 'cancelled', 'refunded']);
export type WebhookOrderStatus = z.infer<typeof WebhookOrderStatusSchema>;

const eventId = z.string().startsWith('evt_').openapi({
  description: 'The same for every delivery and retry of one event: receivers deduplicate on it (deliveries are at least once)',
  example: 'evt_order_4711',
});
const created = z.number().int().openapi({ description: 'When the change happened, Unix seconds', example: 1767261600 });

export const OrderWebhookEventSchema = z
  .object({
    id: eventId,
    type: z.enum(['order.paid', 'order.shipped', 'order.delivered', 'order.cancelled', 'order.refunded']),
    created,
    data: z.object({
      order: z.object({
        id: z.uuid(),
        status: WebhookOrderStatusSchema,
        total_amount: z.number().int().nonnegative().openapi({ description: 'Integer minor units (paise)', example: 37900 }),
        currency: z.string().length(3).openapi({ example: 'INR' }),
        at: z.string().openapi({ format: 'date-time', description: 'When the order reached this status' }),
        reason: z.string().nullable(),
      }),
    }),
  })
  .openapi('OrderWebhookEvent', { description: 'An order reached a status (its status history gained an entry)' });
export type OrderWebhookEvent = z.infer<typeof OrderWebhookEventSchema>;

export const StockWebhookEventSchema = z
  .object({
    id: eventId,
    type: z.enum(['product.low_stock', 'product.out_of_stock']),
    created,
    data: z.object({
      product: z.object({
        id: z.string(),
        available: z.number().int().nonnegative().openapi({ description: 'on_hand − reserved: what shoppers can still buy' }),
        on_hand: z.number().int().nonnegative(),
        reserved: z.number().int().nonnegative(),
      }),
    }),
  })
  .openapi('StockWebhookEvent', {
    description:
      "A product's available units fell to the low-stock threshold or below (low_stock) or to zero (out_of_stock; a fall straight to zero is out_of_stock alone)",
  });
export type StockWebhookEvent = z.infer<typeof StockWebhookEventSchema>;

export const WebhookEventSchema = z.union([OrderWebhookEventSchema, StockWebhookEventSchema]).openapi('WebhookEvent');
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;
