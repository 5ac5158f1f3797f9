import type { OpenAPIHono } from '@hono/zod-openapi';
import { checkoutRoute } from '../../openapi/routes/checkout.ts';
import { requireClaims } from '../auth/session.ts';
import type { CoreDeps } from '../deps.ts';
import { answerHeaders, documentedProblemStatus } from '../http/send-answer.ts';
import { idempotencyOptions, runIdempotent } from '../idempotency/run-idempotent.ts';
import { checkoutRules, placeOrder } from './place-order.ts';

// Checkout requires an Idempotency-Key and replays its first answer.
export function registerCheckoutRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config } = deps;
  const opts = { ...idempotencyOptions(config), okStatus: 201 };
  const rules = checkoutRules(config);

  app.openapi(checkoutRoute, async (c) => {
    const h = c.req.valid('header');
    const claims = await requireClaims(config, c.req.header('authorization'));
    const body = c.req.valid('json');
    const request = { userId: claims.sub, route: 'POST /checkout', key: h['idempotency-key'], body };
    const answer = await runIdempotent(sql, request, opts, {
      commit: (tx) => placeOrder(tx, claims.sub, body.shipping_address, rules),
    });
    const headers = answerHeaders(answer);
    return answer.ok ? c.json(answer.body, 201, headers) : c.json(answer.body, documentedProblemStatus(checkoutRoute.responses, answer.body), headers);
  });
}
