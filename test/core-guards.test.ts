import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReviews } from '../cdc/search/load.ts';
import { CORE_SERVICE_TOKEN_HEADER } from '../openapi/internal/service-auth.ts';
import { buy, key, makeProduct, makeUsers, pay, startCore, stock, type Core, type TestUser } from './core-harness.ts';

// Production guards in core: hoarding caps at checkout, reviews that stand on a purchase, the
// edge's credential, and a slow first attempt overtaken by a retry after the lock timeout.
let core: Core;
let admin: TestUser;
beforeAll(async () => {
  core = await startCore({ MAX_UNPAID_ORDERS_PER_USER: 2, MAX_UNITS_PER_PRODUCT_PER_ORDER: 3 });
  [admin] = (await makeUsers(core.sql, 1, 'admin')) as [TestUser];
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  await core.stop();
});

describe('stock hoarding caps', () => {
  it('a shopper holds at most MAX_UNPAID_ORDERS_PER_USER unpaid orders; paying one frees a place', async () => {
    const product = await makeProduct(core.sql, 20);
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    const first = await buy(core.call, user, [{ product_id: product, quantity: 1 }]);
    expect((await buy(core.call, user, [{ product_id: product, quantity: 1 }])).status).toBe(201);
    const refused = await buy(core.call, user, [{ product_id: product, quantity: 1 }]);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: 'https://problems.commerce.local/too-many-unpaid-orders', unpaid_orders: 2, limit: 2 });
    expect(await stock(core.sql, product)).toEqual({ on_hand: 20, reserved: 2 });
    expect((await pay(core.call, user, first.body.order_id)).status).toBe(200);
    expect((await buy(core.call, user, [{ product_id: product, quantity: 1 }])).status).toBe(201);
  });

  it('an order holds at most MAX_UNITS_PER_PRODUCT_PER_ORDER units of a product, whatever the lines', async () => {
    const product = await makeProduct(core.sql, 20);
    const other = await makeProduct(core.sql, 20);
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    const refused = await buy(core.call, user, [
      { product_id: product, quantity: 2 },
      { product_id: product, quantity: 2 },
      { product_id: other, quantity: 3 },
    ]);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: 'https://problems.commerce.local/order-quantity-limit',
      lines: [{ product_id: product, requested: 4 }],
      limit: 3,
    });
    expect(await stock(core.sql, product)).toEqual({ on_hand: 20, reserved: 0 });
  });
});

describe('reviews', () => {
  const review = { rating: 2, title: 'Meh', body: 'Returned it', display_name: 'Asha R.' };
  const hiddenAt = async (productId: string, userId: string) =>
    (await core.sql<{ hidden_at: Date | null }[]>`select hidden_at from reviews where product_id = ${productId} and user_id = ${userId}`)[0]?.hidden_at;

  it('carry the chosen display name and no user id, and are hidden once their purchase is refunded', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    const order = (await buy(core.call, user, [{ product_id: product, quantity: 1 }])).body.order_id as string;
    expect((await pay(core.call, user, order)).status).toBe(200);
    const created = await core.call('POST', `/products/${product}/reviews`, { token: user.token, body: review });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ author: 'Asha R.', rating: 2 });
    expect(created.body).not.toHaveProperty('user_id');
    const [doc] = (await loadReviews(core.sql, [created.body.id])).values();
    expect(doc).toMatchObject({ id: created.body.id, author: 'Asha R.' });
    expect(doc).not.toHaveProperty('user_id');

    expect((await core.call('POST', `/orders/${order}/cancel`, { token: user.token, body: {} })).body.status).toBe('refunded');
    expect(await hiddenAt(product, user.id)).toBeInstanceOf(Date);
    expect((await loadReviews(core.sql, [created.body.id])).size).toBe(0);
  });

  it('stay visible while another purchase of the product still entitles them', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    const orders: string[] = [];
    for (let i = 0; i < 2; i++) {
      orders.push((await buy(core.call, user, [{ product_id: product, quantity: 1 }])).body.order_id);
      expect((await pay(core.call, user, orders[i]!)).status).toBe(200);
    }
    expect((await core.call('POST', `/products/${product}/reviews`, { token: user.token, body: review })).status).toBe(201);
    for (const status of ['packed', 'shipped', 'out_for_delivery', 'delivered', 'refunded'])
      expect((await core.call('POST', `/admin/orders/${orders[0]}/status`, { token: admin.token, body: { status } })).status).toBe(200);
    expect(await hiddenAt(product, user.id)).toBeNull();
    expect((await core.call('POST', `/orders/${orders[1]}/cancel`, { token: user.token, body: {} })).status).toBe(200);
    expect(await hiddenAt(product, user.id)).toBeInstanceOf(Date);
  });
});

describe('the edge credential', () => {
  it('with CORE_SERVICE_TOKEN set, core serves only requests carrying it (and /health to anyone)', async () => {
    const token = 'a-long-random-service-credential-for-tests';
    const guarded = await startCore({ CORE_SERVICE_TOKEN: token });
    try {
      const [user] = (await makeUsers(guarded.sql, 1)) as [TestUser];
      const without = await guarded.call('GET', '/cart', { token: user.token });
      expect(without.status).toBe(403);
      expect(without.headers.get('content-type')).toBe('application/problem+json');
      expect((await guarded.call('GET', '/cart', { token: user.token, headers: { [CORE_SERVICE_TOKEN_HEADER]: 'not-the-credential' } })).status).toBe(403);
      expect((await guarded.call('GET', '/cart', { token: user.token, headers: { [CORE_SERVICE_TOKEN_HEADER]: token } })).status).toBe(200);
      expect((await guarded.call('GET', '/health')).status).toBe(200);
    } finally {
      await guarded.stop();
    }
  });
});

describe('idempotency lock timeout', () => {
  it('a retry that overtakes a slow but live first attempt still pays once, and both answer alike', async () => {
    const slow = await startCore({ IDEMPOTENCY_LOCK_TIMEOUT_MS: 200, IDEMPOTENCY_WAIT_MS: 0 }, { latencyMs: 600 });
    try {
      const product = await makeProduct(slow.sql, 3);
      const [user] = (await makeUsers(slow.sql, 1)) as [TestUser];
      const order = (await buy(slow.call, user, [{ product_id: product, quantity: 1 }])).body.order_id as string;
      const k = key();
      const first = pay(slow.call, user, order, 'tok_success', k);
      await new Promise((r) => setTimeout(r, 350));
      const second = await pay(slow.call, user, order, 'tok_success', k);
      const answers = [await first, second];
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(answers[1]!.body).toEqual(answers[0]!.body);
      // The retry ran the step too, lost the race to record its answer, rolled back and replayed the first's.
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      const captured = await slow.sql<{ n: number }[]>`select count(*)::int as n from payments where order_id = ${order} and status = 'captured'`;
      expect(captured[0]!.n).toBe(1);
      expect(await stock(slow.sql, product)).toEqual({ on_hand: 2, reserved: 0 });
    } finally {
      await slow.stop();
    }
  });
});
