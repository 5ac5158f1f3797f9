import type { OpenAPIHono } from '@hono/zod-openapi';
import { paymentRoute } from '../../openapi/routes/payment.ts';
import { requireClaims } from '../auth/session.ts';
import type { CoreDeps } from '../deps.ts';
import { answerHeaders, documentedProblemStatus } from '../http/send-answer.ts';
import { idempotencyOptions, runIdempotent } from '../idempotency/run-idempotent.ts';
import { payOrder } from './pay.ts';

// Payment requires an Idempotency-Key and replays its first answer.
export function registerPaymentRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config, paymentProvider } = deps;
  const opts = { ...idempotencyOptions(config), okStatus: 200 };

  app.openapi(paymentRoute, async (c) => {
    const h = c.req.valid('header');
    const claims = await requireClaims(config, c.req.header('authorization'));
    const body = c.req.valid('json');
    const request = { userId: claims.sub, route: 'POST /payment', key: h['idempotency-key'], body };
    const answer = await runIdempotent(sql, request, opts, payOrder(sql, paymentProvider, claims.sub, body));
    const headers = answerHeaders(answer);
    return answer.ok ? c.json(answer.body, 200, headers) : c.json(answer.body, documentedProblemStatus(paymentRoute.responses, answer.body), headers);
  });
}
