import { describe, expect, it } from 'vitest';
import { type OpenApiDocument, localEnvironment, requestsOf, shapeCollection, templateOf, withoutIds } from './collection.ts';
import type { PostmanCollection, PostmanRequest } from './format.ts';

const request = (method: string, path: string[], header: { key: string; value: string }[] = []): PostmanRequest => ({
  method,
  header,
  url: { host: ['{{baseUrl}}'], path, query: [], variable: [] },
  auth: null,
});

const spec: OpenApiDocument = {
  info: { title: 'Commerce API' },
  servers: [{ url: 'http://127.0.0.1:8787' }],
  paths: {
    '/products/{product_id}': { get: {} },
    '/cart': { get: { security: [{ bearerAuth: [] }, {}] } },
    '/checkout': { post: { security: [{ bearerAuth: [] }] } },
    '/auth/login': { post: {} },
  },
};

const converted: PostmanCollection = {
  info: { _postman_id: 'random-1', name: 'Commerce API', schema: 'v2.1' },
  item: [
    {
      name: 'catalog',
      item: [{ name: 'Product page', request: request('GET', ['products', ':product_id']), response: [{ id: 'random-2', body: '{}' }] }],
    },
    { name: 'Cart', request: request('GET', ['cart']) },
    { name: 'Checkout', request: request('POST', ['checkout'], [{ key: 'idempotency-key', value: 'faked' }]) },
    { name: 'Sign in', request: request('POST', ['auth', 'login']) },
  ],
  event: [],
  variable: [],
};

describe('templateOf', () => {
  it.each([
    [['products', ':product_id'], '/products/{product_id}'],
    [['products', ':product_id', 'reviews'], '/products/{product_id}/reviews'],
    [['.well-known', 'jwks.json'], '/.well-known/jwks.json'],
  ])('%j → %s', (path, expected) => expect(templateOf(request('GET', path))).toBe(expected));
});

describe('shapeCollection', () => {
  const shaped = shapeCollection(spec, converted);
  const byName = (name: string) => requestsOf(shaped.item).find((i) => i.name === name);

  it('leaves no random ids and no faked example replies', () => {
    expect(JSON.stringify(shaped)).not.toMatch(/random-|"id"|_postman_id/);
    expect(byName('Product page')!.response).toEqual([]);
  });

  it.each([
    ['Product page', { type: 'noauth' }],
    ['Sign in', { type: 'noauth' }],
    ['Cart', undefined],
    ['Checkout', undefined],
  ])('%s: auth %j (undefined inherits the collection bearer {{token}})', (name, auth) => {
    expect(byName(name)!.request!.auth).toEqual(auth);
  });

  it('sends {{idempotencyKey}}, which the collection pre-request script renews for every request with the header', () => {
    expect(byName('Checkout')!.request!.header).toEqual([{ key: 'idempotency-key', value: '{{idempotencyKey}}' }]);
    expect(shaped.event[0]!.script.exec.join('\n')).toMatch(/headers\.has\('idempotency-key'\).*idempotencyKey.*\$guid/);
    expect(shaped.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] });
  });

  it('the sign-in steps store the token they receive', () => {
    expect(byName('Sign in')!.event?.[0]?.script.exec.join('\n')).toMatch(/pm\.environment\.set\("token"/);
    expect(byName('Cart')!.event).toBeUndefined();
  });
});

describe('localEnvironment', () => {
  it('carries the base URL, an empty token and idempotency key', () => {
    expect(localEnvironment(spec).values.map((v) => [v.key, v.value])).toEqual([
      ['baseUrl', 'http://127.0.0.1:8787'],
      ['token', ''],
      ['idempotencyKey', ''],
    ]);
  });
});

describe('withoutIds', () => {
  it('drops id and _postman_id at any depth and keeps everything else', () => {
    expect(withoutIds({ _postman_id: 'x', a: [{ id: 'y', key: 'id', value: 'id' }] })).toEqual({ a: [{ key: 'id', value: 'id' }] });
  });
});
