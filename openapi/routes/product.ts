import { createRoute } from '@hono/zod-openapi';
import { ProductDetailSchema, ProductIdParamSchema, ReviewPageQuerySchema, ReviewPageSchema } from '../schemas/product.ts';
import { cachedReadHeaders, notModifiedResponse, problemResponse, unavailableResponse } from './system.ts';

export const productRoute = createRoute({
  method: 'get',
  path: '/products/{product_id}',
  tags: ['catalog'],
  operationId: 'getProduct',
  summary: 'Product page: details, price, availability, rating summary and the first reviews',
  request: { params: ProductIdParamSchema },
  responses: {
    200: { description: 'The product', headers: cachedReadHeaders, content: { 'application/json': { schema: ProductDetailSchema } } },
    304: notModifiedResponse,
    400: problemResponse('The product id is malformed'),
    404: problemResponse('No such product'),
    503: unavailableResponse,
  },
});

export const productReviewsRoute = createRoute({
  method: 'get',
  path: '/products/{product_id}/reviews',
  tags: ['catalog'],
  operationId: 'listProductReviews',
  summary: 'Reviews of a product, newest first',
  request: { params: ProductIdParamSchema, query: ReviewPageQuerySchema },
  responses: {
    200: { description: 'One page of reviews', headers: cachedReadHeaders, content: { 'application/json': { schema: ReviewPageSchema } } },
    304: notModifiedResponse,
    400: problemResponse('A parameter is invalid'),
    404: problemResponse('No such product'),
    503: unavailableResponse,
  },
});
