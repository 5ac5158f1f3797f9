import { createRoute } from '@hono/zod-openapi';
import { ProductIdParamsSchema } from '../schemas/cart.ts';
import { ProductDetailSchema, ReviewPageQuerySchema, ReviewPageSchema } from '../schemas/product.ts';
import { problemResponses, serviceProblems } from './problems.ts';
import { cachedJson, cachedReadResponses } from './system.ts';

export const productRoute = createRoute({
  method: 'get',
  path: '/products/{product_id}',
  tags: ['catalog'],
  operationId: 'getProduct',
  summary: 'Product page: details, price, availability, rating summary and the first reviews',
  request: { params: ProductIdParamsSchema },
  responses: { 200: cachedJson(ProductDetailSchema, 'The product'), ...serviceProblems, ...cachedReadResponses, ...problemResponses(400, 404) },
});

export const productReviewsRoute = createRoute({
  method: 'get',
  path: '/products/{product_id}/reviews',
  tags: ['catalog'],
  operationId: 'listProductReviews',
  summary: 'Reviews of a product, newest first',
  request: { params: ProductIdParamsSchema, query: ReviewPageQuerySchema },
  responses: { 200: cachedJson(ReviewPageSchema, 'One page of reviews'), ...serviceProblems, ...cachedReadResponses, ...problemResponses(400, 404) },
});
