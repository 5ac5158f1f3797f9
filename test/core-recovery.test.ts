import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, config, repoRoot } from '../config/index.ts';
import { connect } from '../core/db/connect.ts';
import type { Sql } from '../core/db/types.ts';
import { ADDRESS, key, makeProduct, makeUsers, stock, type TestUser } from './core-harness.ts';
import { freePort } from './support/servers.ts';
import { serviceLog } from './support/test-logs.ts';

// kill -9 of core in the middle of a checkout and of a payment. The request's Idempotency-Key
// stays in flight; once the lock timeout has passed, a retry with the same key after a restart
// runs the step again, and the step's own transaction (which died with the process) decides
// that it acts once: exactly one order, one capture, the stock right.
const LOCK_TIMEOUT_MS = 1500;
let sql: Sql;
let core: ChildProcess | null = null;
let url = '';

async function startCoreProcess(): Promise<void> {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const { fd } = serviceLog('core');
  core = spawn(process.execPath, [join(repoRoot, 'core/main.ts')], {
    cwd: repoRoot,
    stdio: ['ignore', fd, fd],
    env: childEnv({ CORE_URL: url, IDEMPOTENCY_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS), IDEMPOTENCY_WAIT_MS: '0', LOG_LEVEL: 'info' }),
  });
  const until = Date.now() + 30_000;
  for (;;) {
    if (core.exitCode !== null) throw new Error(`core exited with ${core.exitCode}`);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > until) throw new Error('core not healthy within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function killCore(): Promise<void> {
  const child = core!;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

const post = (path: string, user: TestUser, body: unknown, idempotencyKey?: string) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body: JSON.stringify(body),
  });

/** Holds a row lock from the test's own connection, so core's step blocks on it mid-transaction. */
async function holdLock(query: (tx: Sql) => Promise<unknown>) {
  const held = await sql.reserve();
  await held`begin`;
  await query(held as unknown as Sql);
  const [{ pid }] = await held<[{ pid: number }]>`select pg_backend_pid() as pid`;
  return {
    /** Waits until some backend (core's) is blocked behind this lock. */
    async blocking(): Promise<void> {
      for (let i = 0; i < 200; i++) {
        const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`;
        if (n > 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('core never blocked on the held lock');
    },
    async release(): Promise<void> {
      await held`rollback`;
      held.release();
    },
  };
}

/** Retries with the same key until the dead request's lock has timed out and the step ran again. */
async function retryUntilAnswered(send: () => Promise<Response>): Promise<{ status: number; body: { order_id: string; type?: string } }> {
  for (const until = Date.now() + 15_000; Date.now() < until; ) {
    const res = await send();
    const body = await res.json();
    if (res.status !== 409 || !String(body.type).endsWith('idempotency-key-in-use')) return { status: res.status, body };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the key never became retryable');
}

beforeAll(async () => {
  sql = connect(config, { max: 4 });
  await startCoreProcess();
});

afterAll(async () => {
  if (core && core.exitCode === null) core.kill('SIGTERM');
  await sql.end({ timeout: 5 });
});

describe('core killed -9 mid-request', () => {
  it('checkout, then payment: a retry with the same key after the lock timeout acts exactly once', async () => {
    const product = await makeProduct(sql, 5, 49_900, 'recovery');
    const [user] = (await makeUsers(sql, 1)) as [TestUser];
    expect((await post('/cart/add_products', user, { items: [{ product_id: product, quantity: 2 }] })).status).toBe(200);

    // Checkout: blocked on the cart row inside its transaction, after claiming its key.
    const checkoutKey = key();
    const cart = await holdLock((tx) => tx`select id from carts where user_id = ${user.id} and status = 'open' for update`);
    const dying = post('/checkout', user, { shipping_address: ADDRESS }, checkoutKey).catch(() => null);
    await cart.blocking();
    const [claimed] = await sql<{ state: string }[]>`select state from idempotency_keys where user_id = ${user.id} and key = ${checkoutKey}`;
    expect(claimed?.state).toBe('in_flight');
    await killCore();
    expect(await dying).toBeNull();
    await cart.release();
    await startCoreProcess();

    const checkout = await retryUntilAnswered(() => post('/checkout', user, { shipping_address: ADDRESS }, checkoutKey));
    expect(checkout.status).toBe(201);
    const orders = await sql<{ id: string; status: string }[]>`select id, status from orders where user_id = ${user.id}`;
    expect(orders).toEqual([{ id: checkout.body.order_id, status: 'pending_payment' }]);
    expect(await stock(sql, product)).toEqual({ on_hand: 5, reserved: 2 });
    const replay = await post('/checkout', user, { shipping_address: ADDRESS }, checkoutKey);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).order_id).toBe(checkout.body.order_id);

    // Payment: authorised and recorded, then blocked on the order row in the capture transaction.
    const orderId = checkout.body.order_id;
    const paymentKey = key();
    const payBody = { order_id: orderId, payment_method: 'tok_success' };
    const order = await holdLock((tx) => tx`select id from orders where id = ${orderId} for no key update`);
    const dyingPayment = post('/payment', user, payBody, paymentKey).catch(() => null);
    await order.blocking();
    expect((await sql<{ status: string }[]>`select status from payments where order_id = ${orderId}`).map((p) => p.status)).toEqual(['authorised']);
    await killCore();
    expect(await dyingPayment).toBeNull();
    await order.release();
    await startCoreProcess();

    const payment = await retryUntilAnswered(() => post('/payment', user, payBody, paymentKey));
    expect(payment.status).toBe(200);
    const ledger = (await sql<{ status: string }[]>`select status from payments where order_id = ${orderId} order by created_at`).map((p) => p.status);
    // The dead attempt's authorisation is left for reconciliation (providers let it lapse); one capture.
    expect(ledger).toEqual(['authorised', 'captured']);
    expect((await sql<{ status: string }[]>`select status from orders where id = ${orderId}`)[0]?.status).toBe('paid');
    expect(await stock(sql, product)).toEqual({ on_hand: 3, reserved: 0 });
    expect((await post('/payment', user, payBody, paymentKey)).headers.get('idempotent-replayed')).toBe('true');
  });
});
