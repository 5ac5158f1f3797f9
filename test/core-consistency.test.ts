import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredOrders } from '../core/orders/sweeper.ts';
import { sandboxProvider } from '../core/payment/providers/sandbox.ts';
import { ADDRESS, buy, key, makeProduct, makeUsers, pay, startCore, stock, type Core } from './core-harness.ts';

let core: Core;
beforeAll(async () => {
  core = await startCore();
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  await core.stop();
});

const pastDeadline = (orderIds: string[]) => core.sql`update orders set payment_due_at = now() - interval '1 second' where id = any(${orderIds}::uuid[])`;
const captures = async (orderId: string) =>
  (await core.sql<{ status: string }[]>`select status from payments where order_id = ${orderId} order by created_at`).map((p) => p.status);

describe('never oversold', () => {
  it('mixed quantities racing for few units, one cart with the product on two lines', async () => {
    const product = await makeProduct(core.sql, 7);
    const users = await makeUsers(core.sql, 24);
    const carts = users.map((_user, i) =>
      i === 0
        ? [
            { product_id: product, quantity: 1 },
            { product_id: product, quantity: 2 },
          ]
        : [{ product_id: product, quantity: 1 + (i % 3) }],
    );
    const replies = await Promise.all(users.map((u, i) => buy(core.call, u, carts[i]!)));
    expect(replies.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const reserved = replies.reduce((n, r, i) => n + (r.status === 201 ? carts[i]!.reduce((q, l) => q + l.quantity, 0) : 0), 0);
    expect(reserved).toBeLessThanOrEqual(7);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 7, reserved });
    for (const r of replies.filter((x) => x.status === 409)) {
      expect(r.body.lines[0]).toMatchObject({ product_id: product });
      expect(r.body.lines[0].available).toBeLessThan(r.body.lines[0].requested);
    }
    const payments = await Promise.all(replies.map((r, i) => (r.status === 201 ? pay(core.call, users[i]!, r.body.order_id) : null)));
    expect(payments.filter((p) => p && p.status !== 200)).toEqual([]);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 7 - reserved, reserved: 0 });
  });

  it('the same product added on two lines is one summed line, capped by stock', async () => {
    const product = await makeProduct(core.sql, 3);
    const [user] = await makeUsers(core.sql, 1);
    const tooMany = await core.call('POST', '/cart/add_products', {
      token: user!.token,
      body: {
        items: [
          { product_id: product, quantity: 2 },
          { product_id: product, quantity: 2 },
        ],
      },
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body).toMatchObject({ product_id: product, requested: 4, available: 3 });
    const ok = await core.call('POST', '/cart/add_products', {
      token: user!.token,
      body: {
        items: [
          { product_id: product, quantity: 1 },
          { product_id: product, quantity: 2 },
        ],
      },
    });
    expect(ok.body.items).toEqual([expect.objectContaining({ product_id: product, quantity: 3 })]);
  });

  it('carts with two products in opposite orders check out without deadlock', async () => {
    const [a, b] = [await makeProduct(core.sql, 10), await makeProduct(core.sql, 10)];
    const users = await makeUsers(core.sql, 16);
    const replies = await Promise.all(
      users.map((u, i) =>
        buy(
          core.call,
          u,
          i % 2
            ? [
                { product_id: a, quantity: 1 },
                { product_id: b, quantity: 1 },
              ]
            : [
                { product_id: b, quantity: 1 },
                { product_id: a, quantity: 1 },
              ],
        ),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([...Array(10).fill(201), ...Array(6).fill(409)]);
    expect(await stock(core.sql, a)).toEqual({ on_hand: 10, reserved: 10 });
    expect(await stock(core.sql, b)).toEqual({ on_hand: 10, reserved: 10 });
  });
});

describe('idempotent checkout', () => {
  it('20 concurrent retries of one checkout create one order and identical replies; another body is a 422', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = await makeUsers(core.sql, 1);
    await core.call('POST', '/cart/add_products', { token: user!.token, body: { items: [{ product_id: product, quantity: 2 }] } });
    const k = key();
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        core.call('POST', '/checkout', { token: user!.token, body: { shipping_address: ADDRESS }, headers: { 'idempotency-key': k } }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    const [count] = await core.sql<{ n: number }[]>`select count(*)::int as n from orders where user_id = ${user!.id}`;
    expect(count!.n).toBe(1);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 5, reserved: 2 });

    const changed = await core.call('POST', '/checkout', {
      token: user!.token,
      body: { shipping_address: { ...ADDRESS, city: 'Mysuru' } },
      headers: { 'idempotency-key': k },
    });
    expect(changed.status).toBe(422);
    expect(changed.headers.get('content-type')).toBe('application/problem+json');
  });

  it('keys are scoped per user: the same key from another user is a new request', async () => {
    const product = await makeProduct(core.sql, 5);
    const [a, b] = await makeUsers(core.sql, 2);
    const k = key();
    const ra = await buy(core.call, a!, [{ product_id: product, quantity: 1 }], k);
    const rb = await buy(core.call, b!, [{ product_id: product, quantity: 1 }], k);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(ra.body.order_id).not.toBe(rb.body.order_id);
  });

  it('an expired key runs the request again', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = await makeUsers(core.sql, 1);
    const k = key();
    const first = await buy(core.call, user!, [{ product_id: product, quantity: 1 }], k);
    await core.sql`update idempotency_keys set expires_at = now() - interval '1 second' where user_id = ${user!.id} and key = ${k}`;
    const again = await buy(core.call, user!, [{ product_id: product, quantity: 1 }], k);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.order_id).not.toBe(first.body.order_id);
  });

  it('a retry while the first request still runs gets 409 (no waiting configured)', async () => {
    const slow = await startCore({ IDEMPOTENCY_WAIT_MS: 0 }, { latencyMs: 400 }, 4);
    try {
      const product = await makeProduct(slow.sql, 5);
      const [user] = await makeUsers(slow.sql, 1);
      const order = await buy(slow.call, user!, [{ product_id: product, quantity: 1 }]);
      const k = key();
      const [first, second] = await Promise.all([
        pay(slow.call, user!, order.body.order_id, 'tok_success', k),
        new Promise((r) => setTimeout(r, 100)).then(() => pay(slow.call, user!, order.body.order_id, 'tok_success', k)),
      ]);
      expect([first.status, second.status]).toEqual([200, 409]);
      expect(second.body.type).toMatch(/idempotency-key-in-use$/);
      expect((await pay(slow.call, user!, order.body.order_id, 'tok_success', k)).body).toEqual(first.body);
    } finally {
      await slow.stop();
    }
  });
});

describe('payment', () => {
  it('a decline then a success captures once; later attempts are refused', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = await makeUsers(core.sql, 1);
    const order = await buy(core.call, user!, [{ product_id: product, quantity: 1 }]);
    const declined = await pay(core.call, user!, order.body.order_id, 'tok_decline');
    expect(declined.status).toBe(402);
    expect(declined.body.decline_code).toBe('card_declined');
    expect((await pay(core.call, user!, order.body.order_id, 'tok_insufficient_funds')).body.decline_code).toBe('insufficient_funds');
    const status = await core.call('GET', `/order_status?order_id=${order.body.order_id}`, { token: user!.token });
    expect(status.body.status).toBe('pending_payment');
    const k = key();
    const paid = await pay(core.call, user!, order.body.order_id, 'tok_success', k);
    expect(paid.status).toBe(200);
    expect((await pay(core.call, user!, order.body.order_id, 'tok_success', k)).body).toEqual(paid.body);
    const again = await pay(core.call, user!, order.body.order_id, 'tok_success');
    expect(again.status).toBe(409);
    expect(again.body.current_status).toBe('paid');
    expect(await captures(order.body.order_id)).toEqual(['declined', 'declined', 'captured']);
  });

  it('concurrent payments of one order with different keys capture exactly once', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = await makeUsers(core.sql, 1);
    const order = await buy(core.call, user!, [{ product_id: product, quantity: 1 }]);
    const replies = await Promise.all(Array.from({ length: 10 }, () => pay(core.call, user!, order.body.order_id)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const ledger = await captures(order.body.order_id);
    expect(ledger.filter((s) => s === 'captured')).toHaveLength(1);
    expect(ledger.filter((s) => s === 'authorised')).toEqual([]);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 4, reserved: 0 });
  });

  it('past the deadline: 409, order cancelled, stock released, nothing captured', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = await makeUsers(core.sql, 1);
    const order = await buy(core.call, user!, [{ product_id: product, quantity: 3 }]);
    await pastDeadline([order.body.order_id]);
    const late = await pay(core.call, user!, order.body.order_id);
    expect(late.status).toBe(409);
    expect(late.body.type).toMatch(/payment-deadline-passed$/);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 5, reserved: 0 });
    expect(await captures(order.body.order_id)).toEqual([]);
    const status = await core.call('GET', `/order_status?order_id=${order.body.order_id}`, { token: user!.token });
    expect(status.body.history.map((h: { status: string; reason: string }) => [h.status, h.reason])).toEqual([
      ['pending_payment', 'checkout'],
      ['cancelled', 'payment deadline passed'],
    ]);
  });

  it('the deadline passing during authorisation voids it and releases stock', async () => {
    const slow = await startCore({}, { latencyMs: 400 }, 4);
    try {
      const product = await makeProduct(slow.sql, 5);
      const [user] = await makeUsers(slow.sql, 1);
      const order = await buy(slow.call, user!, [{ product_id: product, quantity: 2 }]);
      const [late] = await Promise.all([
        pay(slow.call, user!, order.body.order_id),
        new Promise((r) => setTimeout(r, 150)).then(() => pastDeadline([order.body.order_id])),
      ]);
      expect(late.status).toBe(409);
      expect(await captures(order.body.order_id)).toEqual(['voided']);
      expect(await stock(slow.sql, product)).toEqual({ on_hand: 5, reserved: 0 });
    } finally {
      await slow.stop();
    }
  });

  it('tok_timeout captures nothing, and retrying (same key, then a new method) is safe', async () => {
    const product = await makeProduct(core.sql, 5);
    const [user] = await makeUsers(core.sql, 1);
    const order = await buy(core.call, user!, [{ product_id: product, quantity: 1 }]);
    const k = key();
    const first = await pay(core.call, user!, order.body.order_id, 'tok_timeout', k);
    expect(first.status).toBe(504);
    expect(first.headers.get('content-type')).toBe('application/problem+json');
    expect((await pay(core.call, user!, order.body.order_id, 'tok_timeout', k)).status).toBe(504);
    expect(await captures(order.body.order_id)).toEqual(['timed_out', 'timed_out']);
    expect((await pay(core.call, user!, order.body.order_id, 'tok_success')).status).toBe(200);
    expect((await captures(order.body.order_id)).filter((s) => s === 'captured')).toHaveLength(1);
  });
});

describe('reservation sweeper', () => {
  it('two sweepers release each expired reservation exactly once', async () => {
    const product = await makeProduct(core.sql, 30);
    const users = await makeUsers(core.sql, 12);
    const orders = await Promise.all(users.map((u) => buy(core.call, u, [{ product_id: product, quantity: 2 }])));
    const ids = orders.map((o) => o.body.order_id as string);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 30, reserved: 24 });
    await pastDeadline(ids);

    const swept: string[] = [];
    const sweeper = async () => {
      for (;;) {
        const { expired: batch } = await sweepExpiredOrders(core.sql, sandboxProvider(), 2);
        if (!batch.length) return;
        swept.push(...batch);
      }
    };
    await Promise.all([sweeper(), sweeper()]);
    // A running core's own sweeper may take part too: what matters is that nothing is taken twice.
    expect(new Set(swept).size).toBe(swept.length);
    const [left] = await core.sql<{ n: number }[]>`select count(*)::int as n from orders where id = any(${ids}::uuid[]) and status <> 'cancelled'`;
    expect(left!.n).toBe(0);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 30, reserved: 0 });
    const [events] = await core.sql<{ n: number }[]>`select count(*)::int as n from order_events where order_id = any(${ids}::uuid[]) and status = 'cancelled'`;
    expect(events!.n).toBe(ids.length);
    const late = await pay(core.call, users[0]!, ids[0]!);
    expect(late.status).toBe(409);
    expect(late.body.type).toMatch(/payment-deadline-passed$/);
  });
});
