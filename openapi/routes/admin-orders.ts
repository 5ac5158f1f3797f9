import { createRoute } from '@hono/zod-openapi';
import { AdminOrderSchema, AdminOrdersPageSchema, AdminOrdersQuerySchema, AdminRefundBodySchema } from '../schemas/admin-orders.ts';
import { IdempotencyHeadersSchema } from '../schemas/checkout.ts';
import { OrderIdParamsSchema } from '../schemas/orders.ts';
import { bearerSecurity, json, jsonBody, problemResponses, serviceProblems } from './problems.ts';

// Support (or admin): every customer's orders.
export const adminListOrdersRoute = createRoute({
  method: 'get',
  path: '/admin/orders',
  tags: ['admin'],
  summary: 'Operator (support): orders of every customer, newest first, filtered and cursor-paginated',
  security: bearerSecurity,
  request: { query: AdminOrdersQuerySchema },
  responses: { 200: json(AdminOrdersPageSchema, 'One page of orders'), ...problemResponses(400, 401, 403), ...serviceProblems },
});

export const adminGetOrderRoute = createRoute({
  method: 'get',
  path: '/admin/orders/{order_id}',
  tags: ['admin'],
  summary: 'Operator (support): one order with its customer, payments and status history',
  security: bearerSecurity,
  request: { params: OrderIdParamsSchema },
  responses: { 200: json(AdminOrderSchema, 'The order'), ...problemResponses(400, 401, 403, 404), ...serviceProblems },
});

export const adminRefundOrderRoute = createRoute({
  method: 'post',
  path: '/admin/orders/{order_id}/refund',
  tags: ['admin'],
  summary: 'Operator (support): refund a paid, packed, shipped, out-for-delivery or delivered order',
  description:
    'A paid or packed order is cancelled: its units go back on hand and the payment is refunded. A shipped, out-for-delivery or delivered one is refunded; returned goods are inspected before anyone restocks them. 409 `order-not-refundable` names the current status.',
  security: bearerSecurity,
  request: { params: OrderIdParamsSchema, headers: IdempotencyHeadersSchema, body: jsonBody(AdminRefundBodySchema) },
  responses: { 200: json(AdminOrderSchema, 'The order after the refund'), ...problemResponses(400, 401, 403, 404, 409, 413, 422), ...serviceProblems },
});
