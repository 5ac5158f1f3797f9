import { describe, expect, it } from 'vitest';
import { allowedMethods } from './allowed-methods.ts';

const routes = [
  { method: 'ALL', path: '*' },
  { method: 'GET', path: '/cart' },
  { method: 'POST', path: '/cart/add_products' },
  { method: 'PUT', path: '/cart/items/:product_id' },
  { method: 'DELETE', path: '/cart/items/:product_id' },
  { method: 'GET', path: '/products/:product_id/reviews' },
  { method: 'POST', path: '/products/:product_id/reviews' },
  { method: 'GET', path: '/.well-known/jwks.json' },
];

describe('allowedMethods', () => {
  it.each([
    ['a GET route, with HEAD', '/cart', ['GET', 'HEAD']],
    ['a POST route', '/cart/add_products', ['POST']],
    ['two methods on one parameterised path', '/cart/items/abc-1', ['DELETE', 'PUT']],
    ['a trailing slash', '/cart/items/abc-1/', ['DELETE', 'PUT']],
    ['GET and POST under a parameter', '/products/x/reviews', ['GET', 'HEAD', 'POST']],
    ['dots taken literally', '/.well-known/jwks.json', ['GET', 'HEAD']],
    ['a dot is not any character', '/.well-known/jwksxjson', []],
    ['a parameter is one segment', '/cart/items/a/b', []],
    ['no route: empty (a 404)', '/no/such/route', []],
  ])('%s', (_what, path, expected) => expect(allowedMethods(routes, path)).toEqual(expected));
});
