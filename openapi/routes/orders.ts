import { createRoute } from '@hono/zod-openapi';
import {
  AdminStatusBodySchema,
  CancelBodySchema,
  OrderIdParamsSchema,
  OrderSchema,
  OrderStatusQuerySchema,
  OrderStatusResponseSchema,
  OrdersPageSchema,
  OrdersQuerySchema,
} from '../schemas/orders.ts';
import { bearerSecurity, json, jsonBody, optionalJsonBody, problemResponses, serviceProblems } from './problems.ts';

export const orderStatusRoute = createRoute({
  method: 'get',
  path: '/order_status',
  tags: ['orders'],
  summary: 'Current status of one of the caller’s orders and its history',
  security: bearerSecurity,
  request: { query: OrderStatusQuerySchema },
  responses: { 200: json(OrderStatusResponseSchema, 'Status and history'), ...problemResponses(400, 401, 404), ...serviceProblems },
});

export const listOrdersRoute = createRoute({
  method: 'get',
  path: '/orders',
  tags: ['orders'],
  summary: 'The caller’s orders, newest first, cursor-paginated',
  security: bearerSecurity,
  request: { query: OrdersQuerySchema },
  responses: { 200: json(OrdersPageSchema, 'One page of orders'), ...problemResponses(400, 401), ...serviceProblems },
});

export const cancelOrderRoute = createRoute({
  method: 'post',
  path: '/orders/{order_id}/cancel',
  tags: ['orders'],
  summary: 'Cancel an order: releases reserved stock, or restocks and refunds a paid one',
  security: bearerSecurity,
  request: { params: OrderIdParamsSchema, body: optionalJsonBody(CancelBodySchema) },
  responses: { 200: json(OrderSchema, 'The order after cancellation'), ...problemResponses(400, 401, 404, 409, 413), ...serviceProblems },
});

export const adminOrderStatusRoute = createRoute({
  method: 'post',
  path: '/admin/orders/{order_id}/status',
  tags: ['admin'],
  summary: 'Operator: advance fulfilment (packed → shipped → out_for_delivery → delivered), cancel or refund',
  security: bearerSecurity,
  request: { params: OrderIdParamsSchema, body: jsonBody(AdminStatusBodySchema) },
  responses: { 200: json(OrderSchema, 'The order after the transition'), ...problemResponses(400, 401, 403, 404, 409, 413), ...serviceProblems },
});
