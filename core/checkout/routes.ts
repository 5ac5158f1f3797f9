import type { OpenAPIHono } from '@hono/zod-openapi';
import { checkoutRoute } from '../../openapi/routes/checkout.ts';
import { paymentRoute } from '../../openapi/routes/payment.ts';
import { requireClaims } from '../auth/session.ts';
import type { CoreDeps } from '../deps.ts';
import { jsonResponse } from '../http/json.ts';
import { withIdempotency } from '../idempotency/store.ts';
import { payOrder } from '../payment/pay.ts';
import { placeOrder } from './place-order.ts';

// The two money steps; both require an Idempotency-Key and replay their first answer.
export function registerCheckoutRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config, gateway } = deps;
  const opts = { ttlHours: config.IDEMPOTENCY_TTL_HOURS, waitMs: config.IDEMPOTENCY_WAIT_MS };
  const replayHeader = (replayed: boolean): Record<string, string> => (replayed ? { 'Idempotent-Replayed': 'true' } : {});

  app.openapi(checkoutRoute, async (c) => {
    const h = c.req.valid('header');
    const claims = await requireClaims(config, h.authorization);
    const body = c.req.valid('json');
    const r = await withIdempotency(sql, { userId: claims.sub, route: 'POST /checkout', key: h['idempotency-key'], body }, opts, async (finish) => ({
      status: 201,
      body: await placeOrder(sql, claims.sub, body.shipping_address, config.PAYMENT_WINDOW_SECONDS, (tx, answer) => finish(tx, { status: 201, body: answer })),
    }));
    // Replays carry a status known only at run time, outside the typed response map.
    return jsonResponse(r.status, r.body, replayHeader(r.replayed)) as never;
  });

  app.openapi(paymentRoute, async (c) => {
    const h = c.req.valid('header');
    const claims = await requireClaims(config, h.authorization);
    const body = c.req.valid('json');
    const r = await withIdempotency(sql, { userId: claims.sub, route: 'POST /payment', key: h['idempotency-key'], body }, opts, async (finish) => ({
      status: 200,
      body: await payOrder(sql, gateway, claims.sub, body, (tx, answer) => finish(tx, { status: 200, body: answer })),
    }));
    // Replays carry a status known only at run time, outside the typed response map.
    return jsonResponse(r.status, r.body, replayHeader(r.replayed)) as never;
  });
}
