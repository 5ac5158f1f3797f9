import { z } from '@hono/zod-openapi';
import { keysetCursorQuery, MoneySchema, pageLimitQuery } from './common.ts';
import { AddressSchema, OrderStatusSchema } from './checkout.ts';

export const OrderIdParamsSchema = z.object({ order_id: z.uuid().openapi({ param: { name: 'order_id', in: 'path' } }) });
export const OrderStatusQuerySchema = z.object({ order_id: z.uuid().openapi({ param: { name: 'order_id', in: 'query' } }) });

export const OrderEventSchema = z
  .object({ status: OrderStatusSchema, at: z.string().openapi({ format: 'date-time' }), reason: z.string().nullable() })
  .openapi('OrderEvent');
export const OrderStatusResponseSchema = z
  .object({ order_id: z.uuid(), status: OrderStatusSchema, history: z.array(OrderEventSchema) })
  .openapi('OrderStatusResponse');

export const OrderLineSchema = z
  .object({ product_id: z.string(), title: z.string(), quantity: z.number().int(), unit_price: MoneySchema, line_total: MoneySchema })
  .openapi('OrderLine');
export const OrderSchema = z
  .object({
    order_id: z.uuid(),
    status: OrderStatusSchema,
    amount: MoneySchema,
    items: z.array(OrderLineSchema),
    // A union, not .nullable(): on a registered schema that would make the Address component itself
    // nullable, and checkout's body would then accept null (the fuzz found it).
    shipping_address: z.union([AddressSchema, z.null()]),
    payment_due_at: z.string().openapi({ format: 'date-time' }),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Order');

export const OrdersQuerySchema = z.object({
  cursor: keysetCursorQuery('orders'),
  limit: pageLimitQuery(20),
});
export const OrdersPageSchema = z.object({ items: z.array(OrderSchema), next_cursor: z.string().nullable() }).openapi('OrdersPage');

/** Operator moves: fulfilment steps, cancellation and refunds of delivered orders. */
export const AdminStatusBodySchema = z
  .strictObject({
    status: z.enum(['packed', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'refunded']),
    reason: z.string().min(1).max(500).optional(),
  })
  .openapi('AdminOrderStatusRequest');
export const CancelBodySchema = z.strictObject({ reason: z.string().min(1).max(500).optional() }).openapi('CancelOrderRequest');

export type OrderStatusResponse = z.infer<typeof OrderStatusResponseSchema>;
export type Order = z.infer<typeof OrderSchema>;
export type OrdersPage = z.infer<typeof OrdersPageSchema>;
