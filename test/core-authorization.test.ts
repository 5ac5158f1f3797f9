import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { config } from '../config/index.ts';
import { buy, key, makeProduct, makeUsers, pay, startCore, type Core, type TestUser } from './core-harness.ts';

let core: Core;
let alice: TestUser;
let bob: TestUser;
let product: string;
let aliceOrder: string;

beforeAll(async () => {
  core = await startCore();
  [alice, bob] = (await makeUsers(core.sql, 2)) as [TestUser, TestUser];
  product = await makeProduct(core.sql, 10);
  aliceOrder = (await buy(core.call, alice, [{ product_id: product, quantity: 1 }])).body.order_id;
  await core.call('POST', '/cart/add_products', { token: alice.token, body: { items: [{ product_id: product, quantity: 1 }] } });
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  await core.stop();
});

const servedKey = JSON.parse(config.JWT_PRIVATE_KEY) as { kid: string };
const otherKey = generateKeyPairSync('ed25519').privateKey;
const sign = async (claims: Record<string, unknown>, key: 'served' | 'other' = 'served') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: servedKey.kid }).sign(key === 'served' ? await importJWK(servedKey, 'EdDSA') : otherKey);

describe("another user's resources are 404", () => {
  it.each([
    ['order status', () => core.call('GET', `/order_status?order_id=${aliceOrder}`, { token: bob.token })],
    ['payment', () => pay(core.call, bob, aliceOrder)],
    ['cancel', () => core.call('POST', `/orders/${aliceOrder}/cancel`, { token: bob.token, body: {} })],
    ['cart line change', () => core.call('PUT', `/cart/items/${product}`, { token: bob.token, body: { quantity: 2 } })],
    ['cart line removal', () => core.call('DELETE', `/cart/items/${product}`, { token: bob.token })],
  ])('%s', async (_name, request) => {
    const r = await request();
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
  });

  it("bob's views show nothing of alice's", async () => {
    expect((await core.call('GET', '/orders', { token: bob.token })).body.items).toEqual([]);
    expect((await core.call('GET', '/cart', { token: bob.token })).body.items).toEqual([]);
    const status = await core.call('GET', `/order_status?order_id=${aliceOrder}`, { token: alice.token });
    expect(status.body.status).toBe('pending_payment');
    const [a] = await core.sql<
      { n: number }[]
    >`select count(*)::int as n from cart_items ci join carts c on c.id = ci.cart_id where c.user_id = ${alice.id} and c.status = 'open'`;
    expect(a!.n).toBe(1);
  });
});

describe('bad tokens are 401', () => {
  const now = Math.floor(Date.now() / 1000);
  it.each([
    ['no token', async () => undefined],
    ['garbage', async () => 'not.a.jwt'],
    [
      'tampered payload',
      async () => {
        const [h, , s] = alice.token.split('.');
        return `${h}.${Buffer.from(JSON.stringify({ sub: bob.id, role: 'admin', iss: 'commerce-core', iat: now, exp: now + 600 })).toString('base64url')}.${s}`;
      },
    ],
    ['expired', () => sign({ sub: alice.id, role: 'customer', iss: 'commerce-core', iat: now - 7200, exp: now - 3600 })],
    ['other key, same kid', () => sign({ sub: alice.id, role: 'customer', iss: 'commerce-core', iat: now, exp: now + 600 }, 'other')],
    ['other issuer', () => sign({ sub: alice.id, role: 'customer', iss: 'someone-else', iat: now, exp: now + 600 })],
    ['unknown role', () => sign({ sub: alice.id, role: 'root', iss: 'commerce-core', iat: now, exp: now + 600 })],
  ])('%s', async (_name, token) => {
    const t = await token();
    for (const [method, path] of [
      ['GET', '/orders'],
      ['GET', `/order_status?order_id=${aliceOrder}`],
    ] as const) {
      const r = await core.call(method, path, { token: t });
      expect(r.status).toBe(401);
      expect(r.body.type).toMatch(/unauthorized$/);
    }
    const checkout = await core.call('POST', '/checkout', {
      token: t,
      body: { shipping_address: { name: 'x', line1: 'x', city: 'x', state: 'x', postal_code: '560001', country: 'IN' } },
      headers: { 'idempotency-key': key() },
    });
    expect(checkout.status).toBe(401);
  });
});

describe('operator endpoint', () => {
  it('is 403 for customers and 401 without a token', async () => {
    const body = { status: 'packed' };
    expect((await core.call('POST', `/admin/orders/${aliceOrder}/status`, { token: alice.token, body })).status).toBe(403);
    expect((await core.call('POST', `/admin/orders/${aliceOrder}/status`, { body })).status).toBe(401);
  });
});
