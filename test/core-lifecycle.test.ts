import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { connect } from '../core/db/connect.ts';
import { createCoreApp } from '../core/app.ts';
import { config } from '../config/index.ts';
import { silentLogger } from '../core/log.ts';
import { sandboxProvider } from '../core/payment/providers/sandbox.ts';
import { buy, makeProduct, makeUsers, pay, startCore, stock, type Core, type TestUser } from './core-harness.ts';

let core: Core;
let admin: TestUser;
beforeAll(async () => {
  core = await startCore();
  [admin] = (await makeUsers(core.sql, 1, 'admin')) as [TestUser];
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  await core.stop();
});

const setStatus = (orderId: string, status: string, token = admin.token) => core.call('POST', `/admin/orders/${orderId}/status`, { token, body: { status } });
const history = async (user: TestUser, orderId: string) =>
  (await core.call('GET', `/order_status?order_id=${orderId}`, { token: user.token })).body.history.map((h: { status: string }) => h.status);
const paymentStatuses = async (orderId: string) =>
  (await core.sql<{ status: string }[]>`select status from payments where order_id = ${orderId}`).map((r) => r.status);

async function paidOrder(units = 5, quantity = 2) {
  const product = await makeProduct(core.sql, units);
  const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
  const order = (await buy(core.call, user, [{ product_id: product, quantity }])).body.order_id as string;
  expect((await pay(core.call, user, order)).status).toBe(200);
  return { product, user, order };
}

describe('order lifecycle', () => {
  it('an operator walks a paid order to delivered; illegal moves are 409 naming the current status', async () => {
    const { user, order } = await paidOrder();
    for (const s of ['packed', 'shipped', 'out_for_delivery', 'delivered']) {
      const r = await setStatus(order, s);
      expect(r.status).toBe(200);
      expect(r.body.status).toBe(s);
    }
    const illegal = await setStatus(order, 'packed');
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ current_status: 'delivered' });
    expect(illegal.body.detail).toContain('delivered');
    expect(await history(user, order)).toEqual(['pending_payment', 'paid', 'packed', 'shipped', 'out_for_delivery', 'delivered']);
  });

  it('skipping a step is refused', async () => {
    const { order } = await paidOrder();
    const r = await setStatus(order, 'shipped');
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ current_status: 'paid', allowed: ['packed', 'cancelled'] });
  });

  it('cancelling an unpaid order releases its stock', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    const order = (await buy(core.call, user, [{ product_id: product, quantity: 3 }])).body.order_id;
    expect(await stock(core.sql, product)).toEqual({ on_hand: 5, reserved: 3 });
    const r = await core.call('POST', `/orders/${order}/cancel`, { token: user.token, body: { reason: 'changed my mind' } });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('cancelled');
    expect(await stock(core.sql, product)).toEqual({ on_hand: 5, reserved: 0 });
    expect((await pay(core.call, user, order)).status).toBe(409);
    expect((await core.call('POST', `/orders/${order}/cancel`, { token: user.token, body: {} })).status).toBe(409);
  });

  it('cancelling a paid order (without a body: the reason is optional) restocks and refunds through the gateway', async () => {
    const { product, user, order } = await paidOrder(5, 2);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 3, reserved: 0 });
    const r = await core.call('POST', `/orders/${order}/cancel`, { token: user.token });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('refunded');
    expect(await stock(core.sql, product)).toEqual({ on_hand: 5, reserved: 0 });
    expect(await paymentStatuses(order)).toEqual(['refunded']);
    expect(await history(user, order)).toEqual(['pending_payment', 'paid', 'cancelled', 'refunded']);
  });

  it('a customer cannot cancel once packed; an operator can, and a delivered order can be refunded', async () => {
    const { user, order } = await paidOrder();
    await setStatus(order, 'packed');
    expect((await core.call('POST', `/orders/${order}/cancel`, { token: user.token, body: {} })).status).toBe(409);
    expect((await setStatus(order, 'cancelled')).body.status).toBe('refunded');

    const second = await paidOrder();
    for (const s of ['packed', 'shipped', 'out_for_delivery', 'delivered', 'refunded']) expect((await setStatus(second.order, s)).status).toBe(200);
    expect(await paymentStatuses(second.order)).toEqual(['refunded']);
  });

  it('an operator gets 404 for an order that does not exist', async () => {
    expect((await setStatus(randomUUID(), 'packed')).status).toBe(404);
  });
});

describe('orders list', () => {
  it('pages newest first with a cursor', async () => {
    const product = await makeProduct(core.sql, 10);
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    const ids: string[] = [];
    // Paid, as a shopper may hold only a few unpaid orders at once.
    for (let i = 0; i < 5; i++) {
      ids.push((await buy(core.call, user, [{ product_id: product, quantity: 1 }])).body.order_id);
      expect((await pay(core.call, user, ids[i]!)).status).toBe(200);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await core.call('GET', `/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: user.token });
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...r.body.items.map((o: { order_id: string }) => o.order_id));
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });
});

describe('reviews', () => {
  it('only buyers review, once per product', async () => {
    const { product, user } = await paidOrder();
    const [stranger] = (await makeUsers(core.sql, 1)) as [TestUser];
    const body = { rating: 4, title: 'Good', body: 'Works as described' };
    expect((await core.call('POST', `/products/${product}/reviews`, { token: stranger.token, body })).status).toBe(403);
    const created = await core.call('POST', `/products/${product}/reviews`, { token: user.token, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ product_id: product, author: 'Verified buyer', rating: 4, title: 'Good' });
    expect(created.body).not.toHaveProperty('user_id');
    expect((await core.call('POST', `/products/${product}/reviews`, { token: user.token, body })).status).toBe(409);
    expect((await core.call('POST', '/products/no-such-product/reviews', { token: user.token, body })).status).toBe(404);
  });

  it('an unpaid order does not entitle a review', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    await buy(core.call, user, [{ product_id: product, quantity: 1 }]);
    expect((await core.call('POST', `/products/${product}/reviews`, { token: user.token, body: { rating: 5, title: 't', body: 'b' } })).status).toBe(403);
  });
});

describe('carts', () => {
  it('a guest cart merges into the user cart at login', async () => {
    const [a, b] = [await makeProduct(core.sql, 20), await makeProduct(core.sql, 20)];
    const guest = await core.call('POST', '/cart/add_products', {
      body: {
        items: [
          { product_id: a, quantity: 2 },
          { product_id: b, quantity: 9 },
        ],
      },
    });
    expect(guest.status).toBe(200);
    const cartToken = guest.body.cart_token as string;
    expect(guest.headers.get('x-cart-token')).toBe(cartToken);
    const more = await core.call('POST', '/cart/add_products', { body: { items: [{ product_id: a, quantity: 1 }] }, headers: { 'x-cart-token': cartToken } });
    expect(more.body.items.find((l: { product_id: string }) => l.product_id === a).quantity).toBe(3);

    const email = `core-guest-${randomUUID()}@example.com`;
    const reg = await core.call('POST', '/auth/register', { body: { email, password: 'long enough pw' } });
    const token = reg.body.access_token as string;
    await core.call('POST', '/cart/add_products', { token, body: { items: [{ product_id: b, quantity: 5 }] } });
    const login = await core.call('POST', '/auth/login', { body: { email, password: 'long enough pw' }, headers: { 'x-cart-token': cartToken } });
    expect(login.status).toBe(200);
    const cart = await core.call('GET', '/cart', { token });
    const qty = Object.fromEntries(cart.body.items.map((l: { product_id: string; quantity: number }) => [l.product_id, l.quantity]));
    expect(qty).toEqual({ [a]: 3, [b]: 10 });
    expect(cart.body.subtotal).toEqual({ amount: 13 * 49_900, currency: 'INR' });
    expect((await core.call('GET', '/cart', { headers: { 'x-cart-token': cartToken } })).status).toBe(404);
  });

  it('shows availability, refuses stock it does not have, and edits lines', async () => {
    const product = await makeProduct(core.sql, 4);
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    const add = await core.call('POST', '/cart/add_products', { token: user.token, body: { items: [{ product_id: product, quantity: 2 }] } });
    expect(add.body.items[0]).toMatchObject({
      quantity: 2,
      available: 4,
      in_stock: true,
      unit_price: { amount: 49_900, currency: 'INR' },
      line_total: { amount: 99_800, currency: 'INR' },
    });
    const over = await core.call('PUT', `/cart/items/${product}`, { token: user.token, body: { quantity: 5 } });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ available: 4 });
    expect((await core.call('PUT', `/cart/items/${product}`, { token: user.token, body: { quantity: 4 } })).body.items[0].quantity).toBe(4);
    expect((await core.call('DELETE', `/cart/items/${product}`, { token: user.token })).body.items).toEqual([]);
    expect((await core.call('DELETE', `/cart/items/${product}`, { token: user.token })).status).toBe(404);
  });

  it('products without a price are not for sale; empty carts do not check out', async () => {
    const product = await makeProduct(core.sql, 4, null);
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    const r = await core.call('POST', '/cart/add_products', { token: user.token, body: { items: [{ product_id: product, quantity: 1 }] } });
    expect(r.status).toBe(409);
    expect(r.body.type).toMatch(/not-for-sale$/);
    const empty = await buy(core.call, user, []);
    expect(empty.status).toBe(400);
    const checkout = await core.call('POST', '/checkout', {
      token: user.token,
      body: { shipping_address: { name: 'A', line1: 'B', city: 'C', state: 'D', postal_code: '560001', country: 'IN' } },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(checkout.status).toBe(409);
    expect(checkout.body.type).toMatch(/cart-empty$/);
  });

  it('a taken email (any case) and wrong credentials are refused', async () => {
    const email = `core-dup-${randomUUID()}@example.com`;
    expect((await core.call('POST', '/auth/register', { body: { email, password: 'long enough pw' } })).status).toBe(201);
    expect((await core.call('POST', '/auth/register', { body: { email: email.toUpperCase(), password: 'long enough pw' } })).status).toBe(409);
    expect((await core.call('POST', '/auth/login', { body: { email, password: 'wrong password' } })).status).toBe(401);
    expect((await core.call('POST', '/auth/login', { body: { email: `nobody-${randomUUID()}@example.com`, password: 'whatever' } })).status).toBe(401);
  });
});

describe('health', () => {
  it('is 503 when the database is unreachable', async () => {
    const sql = connect({ databaseUrl: 'postgres://nobody:nothing@127.0.0.1:1/none', POSTGRES_POOL_MAX: 1 });
    const app = createCoreApp({ sql, config, paymentProvider: sandboxProvider(), log: silentLogger });
    const res = await app.request('/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    await sql.end({ timeout: 1 });
  });
});
