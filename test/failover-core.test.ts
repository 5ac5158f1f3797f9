import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../config/index.ts';
import { connect } from '../core/db/connect.ts';
import type { Sql } from '../core/db/types.ts';
import { sweepExpiredOrders } from '../core/orders/sweeper.ts';
import { sandboxProvider } from '../core/payment/providers/sandbox.ts';
import { ADDRESS, makeProduct, makeUsers, stock, type TestUser } from './core-harness.ts';
import { waitFor } from './cdc-harness.ts';
import { startEntries, startNodeEdge, type Running, type RunningProcess } from './support/servers.ts';

// Two cores behind one edge (CORE_URLS), each running its sweeper. Two sweepers (and the cores'
// own) on the same expired orders cancel each once and release its stock once. Then core B is
// killed -9 in the middle of a stream of checkouts through the edge: only requests in flight at
// the kill fail, their retries with the same Idempotency-Key succeed on A, every shopper ends
// with exactly one order, and A's sweeper still expires orders.
const SWEEP_MS = 200;
// a checkout that died with its core holds its Idempotency-Key until then; its retry waits
const LOCK_TIMEOUT_MS = 2000;
let sql: Sql;
let cores: RunningProcess[];
let edge: Running;

beforeAll(async () => {
  sql = connect(config, { max: 10 });
  cores = await startEntries('core/main.ts', 2, (port) => ({
    settings: {
      CORE_URL: `http://127.0.0.1:${port}`,
      SWEEPER_INTERVAL_MS: String(SWEEP_MS),
      IDEMPOTENCY_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS),
      LOG_LEVEL: 'info',
    },
    health: `http://127.0.0.1:${port}/health`,
  }));
  edge = await startNodeEdge(
    { CORE_URL: cores[0]!.url, CORE_URLS: cores.map((c) => c.url).join(','), LOG_LEVEL: 'info', EDGE_RATE_LIMIT_IP_WRITES_PER_MINUTE: '100000' },
    { rateLimitPrefix: `rl-test:${randomUUID()}` },
  );
});

afterAll(async () => {
  await edge?.stop();
  for (const c of cores ?? []) await c.stop();
  await sql?.end({ timeout: 5 });
});

type Attempt = { step: string; started: number; ended: number; status: number };
const attempts: Attempt[] = [];

type Reply = { status: number; body: Record<string, unknown> };

/** One request through the edge, recorded with when it started and ended. */
async function send(step: string, user: TestUser, path: string, body?: unknown, idemKey?: string): Promise<Reply> {
  const started = performance.now();
  const res = await fetch(`${edge.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json', ...(idemKey ? { 'idempotency-key': idemKey } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await res.json()) as Record<string, unknown>;
  attempts.push({ step, started, ended: performance.now(), status: res.status });
  return { status: res.status, body: parsed };
}

const inProgress = (r: Reply) => r.status === 409 && String(r.body.type).endsWith('/idempotency-key-in-use');

/**
 * Retries what is safe to retry, as the SDK does: a 5xx, and a checkout whose first attempt died
 * with its core (409 in progress until core's lock timeout), with the same body and key.
 */
async function withRetry(run: () => Promise<Reply>): Promise<Reply> {
  for (let i = 0; ; i++) {
    const r = await run();
    if ((r.status < 500 && !inProgress(r)) || i === 20) return r;
    await new Promise((res) => setTimeout(res, 250));
  }
}

/** Cart → checkout for one shopper through the edge; the order id. An add is not idempotent: after a failed one the cart says whether it landed. */
async function shop(user: TestUser, productId: string): Promise<string> {
  for (;;) {
    const added = await send('add', user, '/cart/add_products', { items: [{ product_id: productId, quantity: 1 }] });
    if (added.status === 200) break;
    expect(added.status, JSON.stringify(added.body)).toBeGreaterThanOrEqual(500);
    const cart = await withRetry(() => send('cart', user, '/cart'));
    if ((cart.body.items as { product_id: string }[]).some((l) => l.product_id === productId)) break;
  }
  const idemKey = randomUUID();
  const placed = await withRetry(() => send('checkout', user, '/checkout', { shipping_address: ADDRESS }, idemKey));
  expect(placed.status, JSON.stringify(placed.body)).toBe(201);
  return placed.body.order_id as string;
}

/** Shoppers in `parallel` lanes; `during(done)` runs beside them, told how many shoppers finished. */
async function stream(users: TestUser[], productId: string, parallel: number, during?: (done: () => number) => Promise<void>): Promise<string[]> {
  const orders: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < users.length) orders.push(await shop(users[next++]!, productId));
  };
  await Promise.all([...Array.from({ length: parallel }, lane), during?.(() => orders.length)]);
  return orders;
}

const cancelledEvents = async (orderIds: string[]) =>
  new Map(
    (
      await sql<
        { order_id: string; n: number }[]
      >`select order_id, count(*)::int as n from order_events where order_id = any(${orderIds}::uuid[]) and status = 'cancelled' group by order_id`
    ).map((r) => [r.order_id, r.n]),
  );
const expireNow = (orderIds: string[]) => sql`update orders set payment_due_at = now() - interval '1 second' where id = any(${orderIds}::uuid[])`;
const expiredBy = async (core: Running) => Number(/^core_orders_expired_total (\d+)$/m.exec(await (await fetch(`${core.url}/metrics`)).text())?.[1] ?? 0);

describe('two cores behind the edge', () => {
  it('several sweepers on the same expired orders cancel each once and release its stock once', async () => {
    const product = await makeProduct(sql, 100, 49_900, 'failover-sweep');
    const orders = await stream(await makeUsers(sql, 40), product, 8);
    expect(await stock(sql, product)).toEqual({ on_hand: 100, reserved: 40 });
    const [a = 0, b = 0] = await Promise.all(cores.map(expiredBy));

    await expireNow(orders);
    const others = [connect(config, { max: 2 }), connect(config, { max: 2 })];
    const reports = await Promise.all(others.map((s) => sweepExpiredOrders(s, sandboxProvider())));
    await Promise.all(others.map((s) => s.end({ timeout: 5 })));
    await waitFor('every order cancelled', async () => (await cancelledEvents(orders)).size === orders.length, 10_000, 100);

    const [first, second] = reports.map((r) => new Set(r.expired));
    expect([...first!].filter((id) => second!.has(id))).toEqual([]);
    expect([...(await cancelledEvents(orders)).values()].every((n) => n === 1)).toBe(true);
    expect(await stock(sql, product)).toEqual({ on_hand: 100, reserved: 0 });
    const [a2 = 0, b2 = 0] = await Promise.all(cores.map(expiredBy));
    console.log(`40 expired orders: in-process sweepers ${first!.size} + ${second!.size}, core A ${a2 - a}, core B ${b2 - b}`);
  });

  it('loses no request but those in flight when core B is killed -9 mid-stream; A serves the rest and its sweeper still expires orders', async () => {
    const product = await makeProduct(sql, 200, 49_900, 'failover-kill');
    attempts.length = 0;
    let killIssued = 0;
    let killDone = 0;
    const users = await makeUsers(sql, 80);
    const orders = await stream(users, product, 8, async (done) => {
      await waitFor('a quarter of the shoppers through', async () => done() >= 20, 60_000, 10);
      killIssued = performance.now();
      await cores[1]!.kill();
      killDone = performance.now();
    });

    const failed = attempts.filter((x) => x.status >= 500);
    console.log(
      `${attempts.length} requests, ${failed.length} failed (all in flight at the kill, then retried with the same key); kill took ${Math.round(killDone - killIssued)} ms`,
    );
    expect(failed.every((x) => x.started <= killDone)).toBe(true);
    expect(attempts.filter((x) => x.started > killDone).every((x) => x.status < 500)).toBe(true);
    expect(attempts.filter((x) => x.started > killDone).length).toBeGreaterThan(100);

    // Exactly one order per shopper, whatever was retried.
    const perUser = await sql<{ n: number }[]>`select count(*)::int as n from orders where user_id = any(${users.map((u) => u.id)}::uuid[]) group by user_id`;
    expect(perUser.length).toBe(80);
    expect(perUser.every((r) => r.n === 1)).toBe(true);
    expect(new Set(orders).size).toBe(80);
    expect(await stock(sql, product)).toEqual({ on_hand: 200, reserved: 80 });

    // The survivor's sweeper releases them when their deadline passes.
    const before = await expiredBy(cores[0]!);
    await expireNow(orders);
    await waitFor('every order expired', async () => (await cancelledEvents(orders)).size === orders.length, 15_000, 100);
    expect([...(await cancelledEvents(orders)).values()].every((n) => n === 1)).toBe(true);
    expect(await stock(sql, product)).toEqual({ on_hand: 200, reserved: 0 });
    expect(await expiredBy(cores[0]!)).toBeGreaterThan(before);
  });
});
