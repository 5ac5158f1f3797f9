import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ADDRESS, buy, key, makeProduct, makeUsers, startCore, type Core, type TestUser } from './core-harness.ts';

// Malformed requests are 4xx problem+json naming what is wrong, and change nothing.
let core: Core;
let user: TestUser;
let product: string;
let order: string;

beforeAll(async () => {
  core = await startCore();
  [user] = (await makeUsers(core.sql, 1)) as [TestUser];
  product = await makeProduct(core.sql, 5);
  order = (await buy(core.call, user, [{ product_id: product, quantity: 1 }])).body.order_id;
  await core.call('POST', '/cart/add_products', { token: user.token, body: { items: [{ product_id: product, quantity: 1 }] } });
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  await core.stop();
});

const MB = 'x'.repeat(1024 * 1024);
const SQLI = "x'; drop table orders; --";

async function snapshot() {
  const [row] = await core.sql`
    select (select count(*) from users)::int as users,
           (select json_agg(json_build_object('p', ci.product_id, 'q', ci.quantity) order by ci.product_id) from cart_items ci join carts c on c.id = ci.cart_id where c.user_id = ${user.id}) as cart,
           (select count(*) from orders where user_id = ${user.id})::int as orders,
           (select status from orders where id = ${order}) as order_status,
           (select count(*) from payments where order_id = ${order})::int as payments,
           (select count(*) from reviews where user_id = ${user.id})::int as reviews,
           (select json_build_object('on_hand', on_hand, 'reserved', reserved) from inventory where product_id = ${product}) as stock`;
  return row;
}

type Case = [string, string, string, { body?: unknown; raw?: string; headers?: Record<string, string>; auth?: false }, number, string?];
const line = (over: Record<string, unknown>) => ({ items: [{ product_id: 'PRODUCT', quantity: 1, ...over }] });

const cases: Case[] = [
  ['negative quantity', 'POST', '/cart/add_products', { body: line({ quantity: -1 }) }, 400, 'items.0.quantity'],
  ['zero quantity', 'POST', '/cart/add_products', { body: line({ quantity: 0 }) }, 400, 'items.0.quantity'],
  ['huge quantity', 'POST', '/cart/add_products', { body: line({ quantity: 1e12 }) }, 400, 'items.0.quantity'],
  ['above the per-line limit', 'POST', '/cart/add_products', { body: line({ quantity: 11 }) }, 422, 'items.0.quantity'],
  ['fractional quantity', 'POST', '/cart/add_products', { body: line({ quantity: 1.5 }) }, 400, 'items.0.quantity'],
  ['quantity as a string', 'POST', '/cart/add_products', { body: line({ quantity: '2' }) }, 400, 'items.0.quantity'],
  ['product id as a number', 'POST', '/cart/add_products', { body: line({ product_id: 42 }) }, 400, 'items.0.product_id'],
  ['missing items', 'POST', '/cart/add_products', { body: {} }, 400, 'items'],
  ['empty items', 'POST', '/cart/add_products', { body: { items: [] } }, 400, 'items'],
  ['unknown field', 'POST', '/cart/add_products', { body: { ...line({}), coupon: 'FREE' } }, 400],
  ['unknown line field', 'POST', '/cart/add_products', { body: line({ price: 1 }) }, 400, 'items.0'],
  ['SQL in the product id', 'POST', '/cart/add_products', { body: line({ product_id: SQLI }) }, 400, 'items.0.product_id'],
  ['unknown product', 'POST', '/cart/add_products', { body: line({ product_id: 'no-such-product' }) }, 404],
  ['1 MB product id', 'POST', '/cart/add_products', { body: line({ product_id: MB }) }, 413],
  ['malformed JSON', 'POST', '/cart/add_products', { raw: '{"items": [', headers: { 'content-type': 'application/json' } }, 400],
  ['JSON array body', 'POST', '/cart/add_products', { body: [1, 2] }, 400],
  ['text body', 'POST', '/cart/add_products', { raw: 'items=1', headers: { 'content-type': 'text/plain' } }, 415],
  ['SQL in a path id', 'PUT', `/cart/items/${encodeURIComponent(SQLI)}`, { body: { quantity: 1 } }, 400, 'param.product_id'],
  ['quantity null', 'PUT', '/cart/items/PRODUCT', { body: { quantity: null } }, 400, 'quantity'],
  ['register: bad email', 'POST', '/auth/register', { body: { email: 'not-an-email', password: 'long enough pw' }, auth: false }, 400, 'email'],
  ['register: short password', 'POST', '/auth/register', { body: { email: `x-${randomUUID()}@example.com`, password: 'short' }, auth: false }, 400, 'password'],
  [
    'register: role smuggled in',
    'POST',
    '/auth/register',
    { body: { email: `x-${randomUUID()}@example.com`, password: 'long enough pw', role: 'admin' }, auth: false },
    400,
  ],
  ['register: 1 MB password', 'POST', '/auth/register', { body: { email: `x-${randomUUID()}@example.com`, password: MB }, auth: false }, 413],
  ['login: missing password', 'POST', '/auth/login', { body: { email: 'a@example.com' }, auth: false }, 400, 'password'],
  ['checkout: no Idempotency-Key', 'POST', '/checkout', { body: { shipping_address: ADDRESS } }, 400, 'header.idempotency-key'],
  [
    'checkout: bad PIN code',
    'POST',
    '/checkout',
    { body: { shipping_address: { ...ADDRESS, postal_code: "1' or '1'='1" } }, headers: { 'idempotency-key': 'IDEM' } },
    400,
    'shipping_address.postal_code',
  ],
  ['checkout: missing address', 'POST', '/checkout', { body: {}, headers: { 'idempotency-key': 'IDEM' } }, 400, 'shipping_address'],
  [
    'payment: order id not a UUID',
    'POST',
    '/payment',
    { body: { order_id: '123', payment_method: 'tok_success' }, headers: { 'idempotency-key': 'IDEM' } },
    400,
    'order_id',
  ],
  [
    'payment: raw card number',
    'POST',
    '/payment',
    { body: { order_id: 'ORDER', payment_method: '4111111111111111' }, headers: { 'idempotency-key': 'IDEM' } },
    400,
    'payment_method',
  ],
  [
    'payment: unknown order',
    'POST',
    '/payment',
    { body: { order_id: randomUUID(), payment_method: 'tok_success' }, headers: { 'idempotency-key': 'IDEM' } },
    404,
  ],
  [
    'payment: amount smuggled in',
    'POST',
    '/payment',
    { body: { order_id: 'ORDER', payment_method: 'tok_success', amount: 1 }, headers: { 'idempotency-key': 'IDEM' } },
    400,
  ],
  ['order status: invalid UUID', 'GET', '/order_status?order_id=not-a-uuid', {}, 400, 'query.order_id'],
  ['order status: missing id', 'GET', '/order_status', {}, 400, 'query.order_id'],
  ['orders: limit 0', 'GET', '/orders?limit=0', {}, 400, 'query.limit'],
  ['orders: limit huge', 'GET', '/orders?limit=99999999999', {}, 400, 'query.limit'],
  ['orders: forged cursor', 'GET', '/orders?cursor=abc', {}, 400, 'query.cursor'],
  ['cancel: invalid UUID', 'POST', '/orders/1%20or%201=1/cancel', { body: {} }, 400, 'param.order_id'],
  ['review: rating 6', 'POST', '/products/PRODUCT/reviews', { body: { rating: 6, title: 't', body: 'b' } }, 400, 'rating'],
  ['review: blank title', 'POST', '/products/PRODUCT/reviews', { body: { rating: 5, title: '   ', body: 'b' } }, 400, 'title'],
  ['unknown route', 'GET', '/no/such/route', {}, 404],
];

describe('bad input', () => {
  it.each(cases)('%s', async (_name, method, rawPath, opts, status, field) => {
    const fill = (v: unknown) =>
      JSON.parse(
        JSON.stringify(v)
          .replaceAll('"PRODUCT"', JSON.stringify(product))
          .replaceAll('"ORDER"', JSON.stringify(order))
          .replaceAll('"IDEM"', JSON.stringify(key())),
      );
    const path = rawPath.replace('PRODUCT', product);
    const before = await snapshot();
    const r = await core.call(method, path, {
      token: opts.auth === false ? undefined : user.token,
      body: opts.body === undefined ? undefined : fill(opts.body),
      raw: opts.raw,
      headers: opts.headers ? fill(opts.headers) : undefined,
    });
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(r.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|stack/i);
    if (field) expect(r.body.errors?.map((e: { field: string }) => e.field) ?? [r.body.detail]).toContainEqual(expect.stringContaining(field));
    expect(await snapshot()).toEqual(before);
  });
});
