import { z } from '@hono/zod-openapi';
import { OrderStatusSchema } from './checkout.ts';
import { keysetCursorQuery, MoneySchema, pageLimitQuery } from './common.ts';
import { OrderEventSchema, OrderSchema } from './orders.ts';

// Support's view of every customer's orders: a filtered list, one order with its payments and
// history, and refunds.

const dateTime = (name: string, description: string) =>
  z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ param: { name, in: 'query' }, description, example: '2026-01-01T00:00:00Z' });

export const AdminOrdersQuerySchema = z.object({
  // A single ?status= arrives as a string, several as an array.
  status: z
    .preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(OrderStatusSchema).min(1).max(8))
    .optional()
    .openapi({
      param: { name: 'status', in: 'query', style: 'form', explode: true },
      description: 'Only orders in one of these statuses (repeat the parameter)',
    }),
  created_from: dateTime('created_from', 'Only orders placed at or after this instant'),
  created_to: dateTime('created_to', 'Only orders placed before this instant; not earlier than created_from'),
  email: z
    .string()
    .min(1)
    .max(254)
    .optional()
    .openapi({ param: { name: 'email', in: 'query' }, description: "The customer's email, exactly, ignoring case", example: 'asha@example.com' }),
  cursor: keysetCursorQuery('orders'),
  limit: pageLimitQuery(20),
});

export const OrderCustomerSchema = z.object({ id: z.uuid(), email: z.string() }).openapi('OrderCustomer');

export const AdminOrderSummarySchema = z
  .object({
    order_id: z.uuid(),
    status: OrderStatusSchema,
    total: MoneySchema,
    customer: OrderCustomerSchema,
    item_count: z.number().int().openapi({ description: 'Units across all lines' }),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AdminOrderSummary');
export const AdminOrdersPageSchema = z.object({ items: z.array(AdminOrderSummarySchema), next_cursor: z.string().nullable() }).openapi('AdminOrdersPage');

/** A payment attempt as the ledger holds it; the payment method's token is never shown. */
export const PaymentRecordSchema = z
  .object({
    payment_id: z.uuid(),
    status: z.enum(['authorised', 'declined', 'timed_out', 'captured', 'voided', 'refunded']),
    amount: MoneySchema,
    provider: z.string(),
    provider_ref: z.string(),
    decline_reason: z.string().nullable(),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('PaymentRecord');

export const AdminOrderSchema = OrderSchema.extend({
  customer: OrderCustomerSchema,
  payments: z.array(PaymentRecordSchema).openapi({ description: 'Oldest first' }),
  history: z.array(OrderEventSchema).openapi({ description: 'Status changes, oldest first' }),
}).openapi('AdminOrder');

export const AdminRefundBodySchema = z.strictObject({ reason: z.string().min(1).max(500) }).openapi('AdminRefundRequest');

export type AdminOrdersQuery = z.infer<typeof AdminOrdersQuerySchema>;
export type AdminOrdersPage = z.infer<typeof AdminOrdersPageSchema>;
export type AdminOrder = z.infer<typeof AdminOrderSchema>;
export type PaymentRecord = z.infer<typeof PaymentRecordSchema>;
