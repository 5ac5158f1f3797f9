import type { RouteConfig } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { coreRoutes, honoPath, operationIdOf, requiresBearer } from './routes.ts';

describe('core route helpers', () => {
  it.each([
    ['/cart', '/cart'],
    ['/cart/items/{product_id}', '/cart/items/:product_id'],
    ['/orders/{order_id}/cancel', '/orders/:order_id/cancel'],
  ])('%s → %s', (from, to) => expect(honoPath(from)).toBe(to));

  it.each([
    [undefined, false],
    [[], false],
    [[{ bearerAuth: [] }], true],
    [[{ bearerAuth: [] }, {}], false],
  ] as [RouteConfig['security'], boolean][])('security %o requires a bearer: %s', (security, expected) => {
    expect(requiresBearer({ method: 'get', path: '/x', responses: {}, security })).toBe(expected);
  });

  it.each([
    ['post', '/cart/add_products', 'postCartAddProducts'],
    ['put', '/cart/items/{product_id}', 'putCartItemsByProductId'],
    ['get', '/order_status', 'getOrderStatus'],
  ])('%s %s → %s', (m, p, id) => expect(operationIdOf(m, p)).toBe(id));

  it('forwards every write of the public API', () => {
    const keys = coreRoutes.map((r) => `${r.method} ${r.path}`);
    for (const k of [
      'post /auth/register',
      'post /auth/login',
      'post /cart/add_products',
      'put /cart/items/{product_id}',
      'delete /cart/items/{product_id}',
      'post /checkout',
      'post /payment',
      'get /order_status',
      'get /orders',
      'post /products/{product_id}/reviews',
    ]) {
      expect(keys).toContain(k);
    }
  });
});
