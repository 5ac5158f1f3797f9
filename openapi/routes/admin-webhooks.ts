import { createRoute } from '@hono/zod-openapi';
import {
  CreateWebhookEndpointBodySchema,
  UpdateWebhookEndpointBodySchema,
  WebhookDeliveriesPageSchema,
  WebhookDeliveriesQuerySchema,
  WebhookDeliveryDetailSchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliverySchema,
  WebhookEndpointParamsSchema,
  WebhookEndpointSchema,
  WebhookEndpointsPageSchema,
  WebhookEndpointsQuerySchema,
  WebhookEndpointWithSecretSchema,
} from '../schemas/webhooks.ts';
import { bearerSecurity, json, jsonBody, problemResponses, serviceProblems } from './problems.ts';

// Operator (admin role) management of webhook endpoints and their delivery log. Every change is
// audited; the signing secret appears only in the create and rotate-secret answers.
const tags = ['admin', 'webhooks'];

export const createWebhookEndpointRoute = createRoute({
  method: 'post',
  path: '/admin/webhooks',
  tags,
  summary: 'Admin: register a webhook endpoint; the answer carries its signing secret, shown only this once',
  security: bearerSecurity,
  request: { body: jsonBody(CreateWebhookEndpointBodySchema) },
  responses: {
    201: json(WebhookEndpointWithSecretSchema, 'The endpoint and its secret'),
    ...problemResponses(400, 401, 403, 413, 422),
    ...serviceProblems,
  },
});

export const listWebhookEndpointsRoute = createRoute({
  method: 'get',
  path: '/admin/webhooks',
  tags,
  summary: 'Admin: webhook endpoints, newest first, cursor-paginated (no secrets)',
  security: bearerSecurity,
  request: { query: WebhookEndpointsQuerySchema },
  responses: { 200: json(WebhookEndpointsPageSchema, 'One page of endpoints'), ...problemResponses(400, 401, 403), ...serviceProblems },
});

export const getWebhookEndpointRoute = createRoute({
  method: 'get',
  path: '/admin/webhooks/{endpoint_id}',
  tags,
  summary: 'Admin: one webhook endpoint (no secret)',
  security: bearerSecurity,
  request: { params: WebhookEndpointParamsSchema },
  responses: { 200: json(WebhookEndpointSchema, 'The endpoint'), ...problemResponses(400, 401, 403, 404), ...serviceProblems },
});

export const updateWebhookEndpointRoute = createRoute({
  method: 'patch',
  path: '/admin/webhooks/{endpoint_id}',
  tags,
  summary: 'Admin: change a webhook endpoint’s URL, event types, description, or enable/disable it',
  security: bearerSecurity,
  request: { params: WebhookEndpointParamsSchema, body: jsonBody(UpdateWebhookEndpointBodySchema) },
  responses: { 200: json(WebhookEndpointSchema, 'The endpoint after the change'), ...problemResponses(400, 401, 403, 404, 413, 422), ...serviceProblems },
});

export const deleteWebhookEndpointRoute = createRoute({
  method: 'delete',
  path: '/admin/webhooks/{endpoint_id}',
  tags,
  summary: 'Admin: delete a webhook endpoint with its delivery log',
  security: bearerSecurity,
  request: { params: WebhookEndpointParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404), ...serviceProblems },
});

export const rotateWebhookSecretRoute = createRoute({
  method: 'post',
  path: '/admin/webhooks/{endpoint_id}/rotate-secret',
  tags,
  summary: 'Admin: replace an endpoint’s signing secret; the new one is shown only in this answer and signs every later attempt',
  security: bearerSecurity,
  request: { params: WebhookEndpointParamsSchema },
  responses: { 200: json(WebhookEndpointWithSecretSchema, 'The endpoint and its new secret'), ...problemResponses(400, 401, 403, 404), ...serviceProblems },
});

export const listWebhookDeliveriesRoute = createRoute({
  method: 'get',
  path: '/admin/webhooks/{endpoint_id}/deliveries',
  tags,
  summary: 'Admin: an endpoint’s delivery log, newest first, optionally by status, cursor-paginated',
  security: bearerSecurity,
  request: { params: WebhookEndpointParamsSchema, query: WebhookDeliveriesQuerySchema },
  responses: { 200: json(WebhookDeliveriesPageSchema, 'One page of deliveries'), ...problemResponses(400, 401, 403, 404), ...serviceProblems },
});

export const getWebhookDeliveryRoute = createRoute({
  method: 'get',
  path: '/admin/webhooks/{endpoint_id}/deliveries/{delivery_id}',
  tags,
  summary: 'Admin: one delivery with its payload and every attempt',
  security: bearerSecurity,
  request: { params: WebhookDeliveryParamsSchema },
  responses: { 200: json(WebhookDeliveryDetailSchema, 'The delivery'), ...problemResponses(400, 401, 403, 404), ...serviceProblems },
});

export const redeliverWebhookRoute = createRoute({
  method: 'post',
  path: '/admin/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver',
  tags,
  summary: 'Admin: send a delivery again now, with a fresh retry budget (its attempt history is kept)',
  security: bearerSecurity,
  request: { params: WebhookDeliveryParamsSchema },
  responses: {
    202: json(WebhookDeliverySchema, 'Queued: pending, due now'),
    ...problemResponses(400, 401, 403, 404, 409),
    ...serviceProblems,
  },
});
