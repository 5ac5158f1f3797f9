import { z } from '@hono/zod-openapi';
import { MoneySchema } from './common.ts';
import { OrderStatusSchema } from './checkout.ts';

/** Sandbox tokens stand in for a PSP's tokenised card; a raw card number never reaches the server. */
export const PaymentMethodSchema = z
  .string()
  .regex(/^tok_[a-z0-9_]{1,60}$/, 'a payment token (tok_...)')
  .openapi({ example: 'tok_success' });

export const PaymentBodySchema = z.strictObject({ order_id: z.uuid(), payment_method: PaymentMethodSchema }).openapi('PaymentRequest');
export const PaymentResponseSchema = z
  .object({ order_id: z.uuid(), payment_id: z.uuid(), status: OrderStatusSchema, amount: MoneySchema })
  .openapi('PaymentResponse');

export type PaymentBody = z.infer<typeof PaymentBodySchema>;
export type PaymentResponse = z.infer<typeof PaymentResponseSchema>;
