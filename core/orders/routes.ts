import type { OpenAPIHono } from '@hono/zod-openapi';
import { adminOrderStatusRoute, cancelOrderRoute, listOrdersRoute, orderStatusRoute } from '../../openapi/routes/orders.ts';
import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import { recordAudit } from '../audit/record.ts';
import { operatorGate } from '../auth/operator-gate.ts';
import { type OperatorClaims, requireClaims } from '../auth/session.ts';
import type { CoreDeps } from '../deps.ts';
import { notFound } from '../errors/domain-error.ts';
import { getOrder, listOrders, orderStatus } from './queries.ts';
import type { Actor } from './state-machine.ts';
import { transitionOrder } from './transition.ts';

export function registerOrderRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config, paymentProvider } = deps;

  // Locks the order (scoped to its owner unless an operator acts) and applies one transition; an
  // operator's move leaves its audit row in the same transaction.
  const move = async (orderId: string, ownerId: string | null, to: OrderStatus, actor: Actor, reason: string, operator?: OperatorClaims) => {
    await sql.begin(async (tx) => {
      const [o] = await tx<{ id: string; status: OrderStatus }[]>`
        select id, status from orders where id = ${orderId} and (${ownerId}::uuid is null or user_id = ${ownerId}) for update`;
      if (!o) throw notFound('order');
      const final = await transitionOrder(tx, paymentProvider, o, to, actor, reason);
      if (operator)
        await recordAudit(tx, operator, {
          action: 'order.status',
          entity: 'order',
          entityId: o.id,
          before: { status: o.status },
          after: { status: final },
          reason,
        });
    });
    return getOrder(sql, orderId, ownerId);
  };

  app.openapi(orderStatusRoute, async (c) => {
    const claims = await requireClaims(config, c.req.header('authorization'));
    return c.json(await orderStatus(sql, c.req.valid('query').order_id, claims.sub), 200);
  });

  app.openapi(listOrdersRoute, async (c) => {
    const claims = await requireClaims(config, c.req.header('authorization'));
    const q = c.req.valid('query');
    return c.json(await listOrders(sql, claims.sub, q.limit, q.cursor), 200);
  });

  app.openapi(cancelOrderRoute, async (c) => {
    const claims = await requireClaims(config, c.req.header('authorization'));
    const reason = c.req.valid('json').reason ?? 'cancelled by customer';
    return c.json(await move(c.req.valid('param').order_id, claims.sub, 'cancelled', 'customer', reason), 200);
  });

  app.openapi(operatorGate(deps)(adminOrderStatusRoute, 'support'), async (c) => {
    const claims = c.get('operator');
    const body = c.req.valid('json');
    return c.json(await move(c.req.valid('param').order_id, null, body.status, 'admin', body.reason ?? `set by operator ${claims.sub}`, claims), 200);
  });
}
