import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS, buy, key, makeProduct, makeUsers, pay, startCore, stock, type Core, type Reply, type TestUser } from './core-harness.ts';
import { checkedCall, createContractChecker } from './support/contract.ts';

// Support's order routes against core: filters and pages, one order's payments and history,
// refunds (once per key, stock and money), the audit row of every action, roles and bad input.
let core: Core;
let support: TestUser;
let admin: TestUser;
let catalog: TestUser;
const contract = createContractChecker();

beforeAll(async () => {
  core = await startCore();
  [support] = (await makeUsers(core.sql, 1, 'support')) as [TestUser];
  [admin] = (await makeUsers(core.sql, 1, 'admin')) as [TestUser];
  [catalog] = (await makeUsers(core.sql, 1, 'catalog')) as [TestUser];
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  expect(contract.failures()).toEqual([]);
  await core.stop();
});

/** Every reply is also checked against openapi.json. */
const call = checkedCall(contract, () => core);

const refund = (order: string, body: unknown, idemKey: string | null = key(), token = support.token) =>
  call('POST', `/admin/orders/${order}/refund`, { token, body, headers: idemKey === null ? {} : { 'idempotency-key': idemKey } });
const setStatus = (order: string, status: string) => call('POST', `/admin/orders/${order}/status`, { token: support.token, body: { status } });
const auditRows = (order: string) =>
  core.sql<{ action: string; actor_id: string; actor_role: string; before: unknown; after: unknown; reason: string | null }[]>`
    select action, actor_id, actor_role, before, after, reason from audit_log where entity = 'order' and entity_id = ${order} order by id`;
const orderState = async (order: string) => {
  const [o] = await core.sql<{ status: string }[]>`select status from orders where id = ${order}`;
  const payments = await core.sql<{ status: string }[]>`select status from payments where order_id = ${order} order by created_at`;
  const events = await core.sql<{ n: number }[]>`select count(*)::int as n from order_events where order_id = ${order}`;
  return { status: o!.status, payments: payments.map((p) => p.status), events: events[0]!.n };
};

async function placedOrder(paid = true, units = 5, quantity = 2) {
  const product = await makeProduct(core.sql, units, 49_900, 'admin-orders');
  const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
  const order = (await buy(core.call, user, [{ product_id: product, quantity }])).body.order_id as string;
  if (paid) expect((await pay(core.call, user, order)).status).toBe(200);
  return { product, user, order };
}

/** A customer with `n` orders placed within one millisecond (microseconds apart), oldest first; every second one delivered. */
async function customerWithOrders(n: number) {
  const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
  const orders = await core.sql<{ id: string }[]>`
    insert into orders (user_id, status, total_amount, payment_due_at, created_at)
    select ${user.id}, case when i % 2 = 0 then 'delivered' else 'cancelled' end, 1000 + i, now(),
           '2026-01-01T10:00:00.123Z'::timestamptz + i * interval '1 microsecond'
    from generate_series(1, ${n}::int) i
    returning id, created_at`;
  const ids = (await core.sql<{ id: string }[]>`select id from orders where id = any(${orders.map((o) => o.id)}::uuid[]) order by created_at`).map((o) => o.id);
  return { user, ids };
}

describe('GET /admin/orders', () => {
  it('lists every order of a customer by email (any case), newest first, with customer, total and units', async () => {
    const { user, order } = await placedOrder(true, 5, 3);
    const r = await call('GET', `/admin/orders?email=${encodeURIComponent(user.email.toUpperCase())}`, { token: support.token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      items: [
        {
          order_id: order,
          status: 'paid',
          total: { amount: 3 * 49_900, currency: 'INR' },
          customer: { id: user.id, email: user.email },
          item_count: 3,
          created_at: expect.any(String),
        },
      ],
      next_cursor: null,
    });
  });

  it('filters by one or several statuses and by a time range', async () => {
    const { user, ids } = await customerWithOrders(4);
    const list = async (query: string) =>
      (await call('GET', `/admin/orders?email=${encodeURIComponent(user.email)}&${query}`, { token: support.token })).body.items.map(
        (o: { order_id: string }) => o.order_id,
      );
    const newestFirst = [...ids].reverse();
    expect(await list('status=delivered')).toEqual([ids[3], ids[1]]);
    expect(await list('status=delivered&status=cancelled')).toEqual(newestFirst);
    expect(await list('status=paid')).toEqual([]);
    expect(await list('created_from=2026-01-01T10:00:00.123002Z&created_to=2026-01-01T10:00:00.123004Z')).toEqual([ids[2], ids[1]]);
    expect(await list('created_from=2026-01-01T15:30:00.123%2B05:30')).toEqual(newestFirst);
    expect(await list('created_to=2026-01-01T10:00:00Z')).toEqual([]);
  });

  it('pages through orders placed within one millisecond without gaps or repeats', async () => {
    const { user, ids } = await customerWithOrders(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: Reply = await call('GET', `/admin/orders?email=${encodeURIComponent(user.email)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        token: support.token,
      });
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((o: { order_id: string }) => o.order_id));
      cursor = r.body.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual([...ids].reverse());
  });

  it.each([
    ['created_from after created_to', 'created_from=2026-01-02T00:00:00Z&created_to=2026-01-01T00:00:00Z', 'query.created_from'],
    ['an unknown status', 'status=lost', 'query.status.0'],
    ['a date without time', 'created_from=2026-01-01', 'query.created_from'],
    ['a malformed cursor', `cursor=${randomUUID()}`, 'query.cursor'],
    ['a limit above 100', 'limit=101', 'query.limit'],
  ])('refuses %s with 400 problem+json', async (_, query, field) => {
    const r = await call('GET', `/admin/orders?${query}`, { token: support.token });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('GET /admin/orders/{order_id}', () => {
  it('shows the order with items, address, customer, payments (never the token) and history', async () => {
    const { user, order, product } = await placedOrder(true, 5, 2);
    const r = await call('GET', `/admin/orders/${order}`, { token: support.token });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      order_id: order,
      status: 'paid',
      amount: { amount: 2 * 49_900, currency: 'INR' },
      items: [{ product_id: product, quantity: 2 }],
      shipping_address: ADDRESS,
      customer: { id: user.id, email: user.email },
      payments: [
        { status: 'captured', amount: { amount: 2 * 49_900, currency: 'INR' }, provider: 'sandbox', provider_ref: expect.any(String), decline_reason: null },
      ],
    });
    expect(r.body.history.map((h: { status: string }) => h.status)).toEqual(['pending_payment', 'paid']);
    expect(JSON.stringify(r.body)).not.toContain('tok_success');
  });

  it('404 for an unknown order, 400 for a malformed id', async () => {
    expect((await call('GET', `/admin/orders/${randomUUID()}`, { token: support.token })).status).toBe(404);
    expect((await call('GET', '/admin/orders/not-a-uuid', { token: support.token })).status).toBe(400);
  });
});

describe('POST /admin/orders/{order_id}/refund', () => {
  it('refunds a paid order once per key: stock back, payment refunded, one audit row', async () => {
    const { product, order } = await placedOrder(true, 5, 2);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 3, reserved: 0 });
    const k = key();
    const first = await refund(order, { reason: 'customer called' }, k);
    const again = await refund(order, { reason: 'customer called' }, k);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('refunded');
    expect(first.body.payments).toMatchObject([{ status: 'refunded' }]);
    expect(first.body.history.map((h: { status: string }) => h.status)).toEqual(['pending_payment', 'paid', 'cancelled', 'refunded']);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await stock(core.sql, product)).toEqual({ on_hand: 5, reserved: 0 });
    expect(await orderState(order)).toEqual({ status: 'refunded', payments: ['refunded'], events: 4 });
    expect(await auditRows(order)).toEqual([
      {
        action: 'order.refund',
        actor_id: support.id,
        actor_role: 'support',
        before: { status: 'paid' },
        after: { status: 'refunded', refunded_amount: 2 * 49_900, restocked: true },
        reason: 'customer called',
      },
    ]);
  });

  it('refunds a delivered order without restocking; each status move left its own audit row', async () => {
    const { product, order } = await placedOrder(true, 5, 2);
    for (const s of ['packed', 'shipped', 'out_for_delivery', 'delivered']) expect((await setStatus(order, s)).status).toBe(200);
    const r = await refund(order, { reason: 'returned damaged' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('refunded');
    expect(await stock(core.sql, product)).toEqual({ on_hand: 3, reserved: 0 });
    expect(await orderState(order)).toMatchObject({ status: 'refunded', payments: ['refunded'] });
    const rows = await auditRows(order);
    expect(rows.map((a) => [a.action, a.before, a.after])).toEqual([
      ['order.status', { status: 'paid' }, { status: 'packed' }],
      ['order.status', { status: 'packed' }, { status: 'shipped' }],
      ['order.status', { status: 'shipped' }, { status: 'out_for_delivery' }],
      ['order.status', { status: 'out_for_delivery' }, { status: 'delivered' }],
      ['order.refund', { status: 'delivered' }, { status: 'refunded', refunded_amount: 2 * 49_900, restocked: false }],
    ]);
  });

  it('refunds a shipped order', async () => {
    const { order } = await placedOrder(true);
    for (const s of ['packed', 'shipped']) expect((await setStatus(order, s)).status).toBe(200);
    expect((await refund(order, { reason: 'lost in transit' })).body.status).toBe('refunded');
  });

  it.each([
    ['unpaid', false],
    ['already refunded', true],
  ])('409 for an %s order, nothing changed', async (_, refundFirst) => {
    const { product, order } = await placedOrder(refundFirst);
    if (refundFirst) expect((await refund(order, { reason: 'first' })).status).toBe(200);
    const before = { state: await orderState(order), stock: await stock(core.sql, product), audit: (await auditRows(order)).length };
    const r = await refund(order, { reason: 'again' });
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ type: expect.stringContaining('order-not-refundable'), current_status: before.state.status });
    expect({ state: await orderState(order), stock: await stock(core.sql, product), audit: (await auditRows(order)).length }).toEqual(before);
  });

  it('bad input is 400/404/422 problem+json and changes nothing', async () => {
    const { product, order } = await placedOrder(true);
    const before = { state: await orderState(order), stock: await stock(core.sql, product) };
    const k = key();
    expect((await refund(order, { reason: 'first try' }, k)).status).toBe(200);
    const refusals: [Reply, number][] = [
      [await refund(order, { reason: 'a different reason' }, k), 422],
      [await refund(order, { reason: 'no key' }, null), 400],
      [await refund(order, {}), 400],
      [await refund(order, { reason: '' }), 400],
      [await refund(order, { reason: 'x', amount: 5 }), 400],
      [
        await call('POST', `/admin/orders/${order}/refund`, {
          token: support.token,
          raw: '{',
          headers: { 'idempotency-key': key(), 'content-type': 'application/json' },
        }),
        400,
      ],
      [await refund(randomUUID(), { reason: 'unknown' }), 404],
      [await refund('not-a-uuid', { reason: 'bad id' }), 400],
    ];
    for (const [r, status] of refusals) {
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await orderState(order)).toEqual({ ...before.state, status: 'refunded', payments: ['refunded'], events: before.state.events + 2 });
    expect(await stock(core.sql, product)).toEqual({ on_hand: before.stock.on_hand + 2, reserved: 0 });
    expect((await auditRows(order)).length).toBe(1);
  });
});

describe('POST /admin/orders/{order_id}/status', () => {
  it('an illegal move leaves no audit row', async () => {
    const { order } = await placedOrder(true);
    expect((await setStatus(order, 'delivered')).status).toBe(409);
    expect(await auditRows(order)).toEqual([]);
  });
});

describe('roles', () => {
  it('no token → 401, a customer or the catalog role → 403; support and admin enter', async () => {
    const { user, order } = await placedOrder(true);
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/orders'],
      ['GET', `/admin/orders/${order}`],
      ['POST', `/admin/orders/${order}/refund`, { reason: 'role check' }],
    ];
    for (const [method, path, body] of routes) {
      const as = (token?: string) => call(method, path, { ...(token ? { token } : {}), body, headers: { 'idempotency-key': key() } });
      expect((await as()).status).toBe(401);
      expect((await as(user.token)).status).toBe(403);
      expect((await as(catalog.token)).status).toBe(403);
    }
    expect((await call('GET', `/admin/orders/${order}`, { token: admin.token })).status).toBe(200);
    expect((await call('GET', `/admin/orders?status=paid&limit=1`, { token: support.token })).status).toBe(200);
    expect(await orderState(order)).toMatchObject({ status: 'paid' });
    expect(await auditRows(order)).toEqual([]);
  });
});
