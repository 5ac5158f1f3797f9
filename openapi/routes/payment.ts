import { createRoute } from '@hono/zod-openapi';
import { IdempotencyHeadersSchema } from '../schemas/checkout.ts';
import { PaymentBodySchema, PaymentResponseSchema } from '../schemas/payment.ts';
import { bearerSecurity, json, jsonBody, problemResponses, serviceProblems } from './problems.ts';

export const paymentRoute = createRoute({
  method: 'post',
  path: '/payment',
  tags: ['payment'],
  summary: 'Pay an order with a sandbox token; captured at most once',
  security: bearerSecurity,
  request: { headers: IdempotencyHeadersSchema, body: jsonBody(PaymentBodySchema) },
  responses: { 200: json(PaymentResponseSchema, 'Captured; the order is paid'), ...problemResponses(400, 401, 402, 404, 409, 413, 422), ...serviceProblems },
});
