import type { OpenAPIHono } from '@hono/zod-openapi';
import { createReviewRoute } from '../../openapi/routes/reviews.ts';
import { requireClaims } from '../auth/session.ts';
import type { CoreDeps } from '../deps.ts';
import { createReview } from './create-review.ts';

export function registerReviewRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  app.openapi(createReviewRoute, async (c) => {
    const claims = await requireClaims(deps.config, c.req.header('authorization'));
    return c.json(await createReview(deps.sql, claims.sub, c.req.valid('param').product_id, c.req.valid('json')), 201);
  });
}
