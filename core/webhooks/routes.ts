import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  createWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  getWebhookDeliveryRoute,
  getWebhookEndpointRoute,
  listWebhookDeliveriesRoute,
  listWebhookEndpointsRoute,
  redeliverWebhookRoute,
  rotateWebhookSecretRoute,
  updateWebhookEndpointRoute,
} from '../../openapi/routes/admin-webhooks.ts';
import { operatorGate } from '../auth/operator-gate.ts';
import type { CoreDeps } from '../deps.ts';
import { getDelivery, listDeliveries, redeliver } from './deliveries.ts';
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateSecret, updateEndpoint } from './endpoints.ts';
import { assertWebhookUrlAllowed } from './url-check.ts';

// Webhook endpoints and their delivery log: the admin role only.
export function registerWebhookRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config } = deps;
  const production = config.NODE_ENV === 'production';
  const gate = operatorGate(deps);

  app.openapi(gate(createWebhookEndpointRoute, 'admin'), async (c) => {
    const actor = c.get('operator');
    const body = c.req.valid('json');
    await assertWebhookUrlAllowed(body.url, production);
    return c.json(await createEndpoint(sql, actor, body), 201);
  });

  app.openapi(gate(listWebhookEndpointsRoute, 'admin'), async (c) => {
    const q = c.req.valid('query');
    return c.json(await listEndpoints(sql, q.limit, q.cursor), 200);
  });

  app.openapi(gate(getWebhookEndpointRoute, 'admin'), async (c) => {
    return c.json(await getEndpoint(sql, c.req.valid('param').endpoint_id), 200);
  });

  app.openapi(gate(updateWebhookEndpointRoute, 'admin'), async (c) => {
    const actor = c.get('operator');
    const body = c.req.valid('json');
    if (body.url !== undefined) await assertWebhookUrlAllowed(body.url, production);
    return c.json(await updateEndpoint(sql, actor, c.req.valid('param').endpoint_id, body), 200);
  });

  app.openapi(gate(deleteWebhookEndpointRoute, 'admin'), async (c) => {
    const actor = c.get('operator');
    await deleteEndpoint(sql, actor, c.req.valid('param').endpoint_id);
    return c.body(null, 204);
  });

  app.openapi(gate(rotateWebhookSecretRoute, 'admin'), async (c) => {
    const actor = c.get('operator');
    return c.json(await rotateSecret(sql, actor, c.req.valid('param').endpoint_id), 200);
  });

  app.openapi(gate(listWebhookDeliveriesRoute, 'admin'), async (c) => {
    return c.json(await listDeliveries(sql, c.req.valid('param').endpoint_id, c.req.valid('query')), 200);
  });

  app.openapi(gate(getWebhookDeliveryRoute, 'admin'), async (c) => {
    const { endpoint_id, delivery_id } = c.req.valid('param');
    return c.json(await getDelivery(sql, endpoint_id, delivery_id), 200);
  });

  app.openapi(gate(redeliverWebhookRoute, 'admin'), async (c) => {
    const actor = c.get('operator');
    const { endpoint_id, delivery_id } = c.req.valid('param');
    return c.json(await redeliver(sql, actor, endpoint_id, delivery_id), 202);
  });
}
