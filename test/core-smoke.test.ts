import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ADDRESS, buy, makeProduct, pay, startCore, stock, type Core } from './core-harness.ts';

let core: Core;
beforeAll(async () => {
  core = await startCore();
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  await core.stop();
});

describe('core happy path over HTTP', () => {
  it('registers, logs in, fills a cart, checks out and pays', async () => {
    const email = `core-smoke-${randomUUID()}@example.com`;
    const reg = await core.call('POST', '/auth/register', { body: { email, password: 'correct horse battery' } });
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({ email, role: 'customer' });
    const login = await core.call('POST', '/auth/login', { body: { email: email.toUpperCase(), password: 'correct horse battery' } });
    expect(login.status).toBe(200);
    const user = { id: login.body.user.id, email, token: login.body.access_token };

    const product = await makeProduct(core.sql, 5, 12_345);
    const checkout = await buy(core.call, user, [{ product_id: product, quantity: 2 }]);
    expect(checkout.status).toBe(201);
    expect(checkout.body).toMatchObject({ status: 'pending_payment', amount: { amount: 24_690, currency: 'INR' } });
    expect(await stock(core.sql, product)).toEqual({ on_hand: 5, reserved: 2 });

    const paid = await pay(core.call, user, checkout.body.order_id);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ order_id: checkout.body.order_id, status: 'paid', amount: { amount: 24_690, currency: 'INR' } });
    expect(await stock(core.sql, product)).toEqual({ on_hand: 3, reserved: 0 });

    const status = await core.call('GET', `/order_status?order_id=${checkout.body.order_id}`, { token: user.token });
    expect(status.body.history.map((h: { status: string }) => h.status)).toEqual(['pending_payment', 'paid']);
    const orders = await core.call('GET', '/orders', { token: user.token });
    expect(orders.body.items).toHaveLength(1);
    expect(orders.body.items[0]).toMatchObject({ order_id: checkout.body.order_id, shipping_address: ADDRESS });
    const cart = await core.call('GET', '/cart', { token: user.token });
    expect(cart.body.items).toEqual([]);
  });

  it('answers /health and /openapi.json', async () => {
    expect((await core.call('GET', '/health')).status).toBe(200);
    const doc = await core.call('GET', '/openapi.json');
    expect(Object.keys(doc.body.paths)).toContain('/checkout');
  });
});
