import { createRoute } from '@hono/zod-openapi';
import { ProductIdParamsSchema } from '../schemas/cart.ts';
import { ReviewBodySchema, ReviewSchema } from '../schemas/reviews.ts';
import { bearerSecurity, json, jsonBody, problemResponses, serviceProblems } from './problems.ts';

export const createReviewRoute = createRoute({
  method: 'post',
  path: '/products/{product_id}/reviews',
  tags: ['reviews'],
  summary: 'Review a product bought in one of the caller’s paid orders (one review per product)',
  security: bearerSecurity,
  request: { params: ProductIdParamsSchema, body: jsonBody(ReviewBodySchema) },
  responses: { 201: json(ReviewSchema, 'Review stored'), ...problemResponses(400, 401, 403, 404, 409, 413), ...serviceProblems },
});
