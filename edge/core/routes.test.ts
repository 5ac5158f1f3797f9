import type { RouteConfig } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { honoPath, requiresBearer } from './routes.ts';

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
});
