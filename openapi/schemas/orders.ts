import { z } from '@hono/zod-openapi';
import { MoneySchema } from './common.ts';
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

/** An orders cursor: the creation time (epoch milliseconds) and id of the last order of the previous page; any such pair is a place in the list. */
export const ORDER_CURSOR_PATTERN = /^([0-9]{1,13})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const OrdersQuerySchema = z.object({
  cursor: z
    .string()
    .regex(ORDER_CURSOR_PATTERN)
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: 'next_cursor of the previous page: `<created_at in epoch ms>_<order id>`; the page lists the orders placed before it',
      example: '1767261600123_7c9e6679-7425-40de-944b-e07fc1f90ae7',
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: 'limit', in: 'query' } }),
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
