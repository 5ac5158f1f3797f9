import type { OpenAPIHono } from '@hono/zod-openapi';
import { adminGetOrderRoute, adminListOrdersRoute, adminRefundOrderRoute } from '../../openapi/routes/admin-orders.ts';
import { operatorGate } from '../auth/operator-gate.ts';
import type { CoreDeps } from '../deps.ts';
import { answerHeaders, documentedProblemStatus } from '../http/send-answer.ts';
import { idempotencyOptions, runIdempotent } from '../idempotency/run-idempotent.ts';
import { parseAdminOrderFilter } from './admin-filter.ts';
import { getAdminOrder, listAdminOrders } from './admin-queries.ts';
import { refundOrder } from './admin-refund.ts';

// Support's order routes. A refund is a money step: it requires an Idempotency-Key and replays its first answer.
export function registerAdminOrderRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config, paymentProvider } = deps;
  const opts = { ...idempotencyOptions(config), okStatus: 200 };
  const gate = operatorGate(deps);

  app.openapi(gate(adminListOrdersRoute, 'support'), async (c) => {
    return c.json(await listAdminOrders(sql, parseAdminOrderFilter(c.req.valid('query'))), 200);
  });

  app.openapi(gate(adminGetOrderRoute, 'support'), async (c) => {
    return c.json(await getAdminOrder(sql, c.req.valid('param').order_id), 200);
  });

  app.openapi(gate(adminRefundOrderRoute, 'support'), async (c) => {
    const operator = c.get('operator');
    const orderId = c.req.valid('param').order_id;
    const { reason } = c.req.valid('json');
    const request = {
      userId: operator.sub,
      route: 'POST /admin/orders/{order_id}/refund',
      key: c.req.valid('header')['idempotency-key'],
      body: { order_id: orderId, reason },
    };
    const answer = await runIdempotent(sql, request, opts, { commit: (tx) => refundOrder(tx, paymentProvider, operator, orderId, reason) });
    const headers = answerHeaders(answer);
    return answer.ok ? c.json(answer.body, 200, headers) : c.json(answer.body, documentedProblemStatus(adminRefundOrderRoute.responses, answer.body), headers);
  });
}
