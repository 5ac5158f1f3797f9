import { z } from '@hono/zod-openapi';
import { MoneySchema } from './common.ts';
import { AuthHeadersSchema } from './auth.ts';

export const IdempotencyHeadersSchema = AuthHeadersSchema.extend({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII only')
    .openapi({ description: 'Client-chosen key; retries with the same key replay the first answer for 24 h' }),
});

export const AddressSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    line1: z.string().min(1).max(300),
    line2: z.string().max(300).optional(),
    city: z.string().min(1).max(100),
    state: z.string().min(1).max(100),
    postal_code: z.string().regex(/^[1-9][0-9]{5}$/, 'a 6-digit PIN code'),
    country: z.literal('IN'),
    phone: z
      .string()
      .regex(/^\+?[0-9]{10,15}$/)
      .optional(),
  })
  .openapi('Address');

export const CheckoutBodySchema = z.strictObject({ shipping_address: AddressSchema }).openapi('CheckoutRequest');

export const OrderStatusSchema = z
  .enum(['pending_payment', 'paid', 'packed', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'refunded'])
  .openapi('OrderStatus');

export const CheckoutResponseSchema = z
  .object({ order_id: z.uuid(), status: OrderStatusSchema, amount: MoneySchema, payment_due_at: z.string().openapi({ format: 'date-time' }) })
  .openapi('CheckoutResponse');

/** Extra member of the 409 problem when stock is short: each short line and what is left. */
export const ShortLineSchema = z.object({ product_id: z.string(), requested: z.number().int(), available: z.number().int() }).openapi('ShortLine');

export type Address = z.infer<typeof AddressSchema>;
export type CheckoutResponse = z.infer<typeof CheckoutResponseSchema>;
export type OrderStatus = z.infer<typeof OrderStatusSchema>;
export type ShortLine = z.infer<typeof ShortLineSchema>;
