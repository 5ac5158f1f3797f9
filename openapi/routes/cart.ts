import { createRoute } from '@hono/zod-openapi';
import { CartTokenHeadersSchema } from '../schemas/auth.ts';
import { AddProductsBodySchema, CartSchema, ProductIdParamsSchema, UpdateQuantityBodySchema } from '../schemas/cart.ts';
import { bearerSecurity, json, jsonBody, problemResponses, serviceProblems } from './problems.ts';

// A cart belongs to the bearer of the JWT, or to the holder of a guest X-Cart-Token.
const security = [...bearerSecurity, {}];

export const getCartRoute = createRoute({
  method: 'get',
  path: '/cart',
  tags: ['cart'],
  summary: 'The caller’s open cart, priced from the catalog now',
  security,
  request: { headers: CartTokenHeadersSchema },
  responses: { 200: json(CartSchema, 'The cart'), ...problemResponses(400, 401, 404), ...serviceProblems },
});

export const addProductsRoute = createRoute({
  method: 'post',
  path: '/cart/add_products',
  tags: ['cart'],
  summary: 'Add products (creates a guest cart when neither a JWT nor a cart token is sent)',
  security,
  request: { headers: CartTokenHeadersSchema, body: jsonBody(AddProductsBodySchema) },
  responses: { 200: json(CartSchema, 'The updated cart'), ...problemResponses(400, 401, 404, 409, 413, 422), ...serviceProblems },
});

export const updateCartItemRoute = createRoute({
  method: 'put',
  path: '/cart/items/{product_id}',
  tags: ['cart'],
  summary: 'Set the quantity of one line',
  security,
  request: { headers: CartTokenHeadersSchema, params: ProductIdParamsSchema, body: jsonBody(UpdateQuantityBodySchema) },
  responses: { 200: json(CartSchema, 'The updated cart'), ...problemResponses(400, 401, 404, 409, 413, 422), ...serviceProblems },
});

export const deleteCartItemRoute = createRoute({
  method: 'delete',
  path: '/cart/items/{product_id}',
  tags: ['cart'],
  summary: 'Remove one line',
  security,
  request: { headers: CartTokenHeadersSchema, params: ProductIdParamsSchema },
  responses: { 200: json(CartSchema, 'The updated cart'), ...problemResponses(400, 401, 404), ...serviceProblems },
});
