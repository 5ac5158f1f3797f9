import { describe, expect, it } from 'vitest';
import { coreRoutes, operationIdOf, publicRoutes } from './public.ts';

describe('public routes', () => {
  it.each([
    ['post', '/cart/add_products', 'postCartAddProducts'],
    ['put', '/cart/items/{product_id}', 'putCartItemsByProductId'],
    ['get', '/order_status', 'getOrderStatus'],
  ])('%s %s → %s', (m, p, id) => expect(operationIdOf(m, p)).toBe(id));

  it('forward every write of the public API to core', () => {
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

  it('name every operation once', () => {
    const ids = publicRoutes.map((r) => r.operationId);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
