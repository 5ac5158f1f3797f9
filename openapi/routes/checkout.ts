import { createRoute } from '@hono/zod-openapi';
import { CheckoutBodySchema, CheckoutResponseSchema, IdempotencyHeadersSchema } from '../schemas/checkout.ts';
import { bearerSecurity, json, jsonBody, problemResponses, serviceProblems } from './problems.ts';

export const checkoutRoute = createRoute({
  method: 'post',
  path: '/checkout',
  tags: ['checkout'],
  summary: 'Reserve stock for the cart and create an order awaiting payment',
  description:
    'A 409 for short stock lists each short line with its available quantity under `lines`; ' +
    'one for products archived since they went into the cart (`product-archived`) names them under `product_ids`, and nothing is reserved.',
  security: bearerSecurity,
  request: { headers: IdempotencyHeadersSchema, body: jsonBody(CheckoutBodySchema) },
  responses: {
    201: json(CheckoutResponseSchema, 'Order created, stock reserved until payment_due_at'),
    ...problemResponses(400, 401, 409, 413, 422),
    ...serviceProblems,
  },
});
