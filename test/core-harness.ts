import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { config } from '../config/index.ts';
import { createCoreApp } from '../core/app.ts';
import { issueToken } from '../core/auth/tokens.ts';
import { connect } from '../core/db/connect.ts';
import type { Sql } from '../core/db/types.ts';
import type { CoreConfig } from '../core/deps.ts';
import type { Role } from '../openapi/schemas/auth.ts';
import type { Logger } from '../core/log.ts';
import { sandboxProvider, type SandboxOptions } from '../core/payment/providers/sandbox.ts';
import { createLogger } from '../log/json-logger.ts';
import { serviceLog } from './support/test-logs.ts';

// Core served in-process on an ephemeral port, against the real Postgres of the stack.
export type Core = { url: string; sql: Sql; errors: unknown[]; call: Caller; stop(): Promise<void> };
// biome-ignore lint/suspicious/noExplicitAny: suites read whatever JSON a route answered; the contract checker validates its shape
export type Reply = { status: number; body: any; headers: Headers };
export type Caller = (
  method: string,
  path: string,
  opts?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
) => Promise<Reply>;

export const ADDRESS = { name: 'Asha Rao', line1: '12 MG Road', city: 'Bengaluru', state: 'Karnataka', postal_code: '560001', country: 'IN' } as const;

export async function startCore(overrides: Partial<CoreConfig> = {}, payments: SandboxOptions = {}, poolMax = 20): Promise<Core> {
  const sql = connect(config, { max: poolMax });
  const errors: unknown[] = [];
  const lines = createLogger('info', { service: 'core' }, serviceLog('core').write);
  const log: Logger = (level, msg, fields) => {
    if (level === 'error') errors.push({ msg, ...fields });
    lines[level](msg, fields);
  };
  const app = createCoreApp({ sql, config: { ...config, PASSWORD_SCRYPT_COST: 1024, ...overrides }, paymentProvider: sandboxProvider(payments), log });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call: Caller = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers };
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the raw text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    url,
    sql,
    errors,
    call,
    async stop() {
      await new Promise<void>((r) => server.close(() => r()));
      await sql.end({ timeout: 5 });
    },
  };
}

export type TestUser = { id: string; email: string; token: string };

/** Inserts users directly (no scrypt per user) and mints their JWTs. */
export async function makeUsers(sql: Sql, n: number, role: Role = 'customer'): Promise<TestUser[]> {
  const run = randomUUID().slice(0, 8);
  const rows = Array.from({ length: n }, (_, i) => ({ email: `core-test-${run}-${i}@example.com`, password_hash: 'scrypt$1024$8$1$x$x', role }));
  const users: { id: string; email: string }[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    users.push(...(await sql<{ id: string; email: string }[]>`insert into users ${sql(rows.slice(i, i + 1000))} returning id, email`));
  return Promise.all(users.map(async (u) => ({ ...u, token: await issueToken(config, { id: u.id, role }) })));
}

/** A product of our own (never a shared catalog row) with the given stock. */
export async function makeProduct(sql: Sql, onHand: number, price: number | null = 49_900, label = 'core'): Promise<string> {
  const id = `test-${label}-${randomUUID()}`;
  await sql`insert into products (id, pid, title, price_amount, mrp_amount) values (${id}, ${id}, ${`Test product ${label}`}, ${price}, ${price})`;
  await sql`insert into inventory (product_id, on_hand) values (${id}, ${onHand})`;
  return id;
}

export async function stock(sql: Sql, productId: string): Promise<{ on_hand: number; reserved: number }> {
  const [row] = await sql<{ on_hand: number; reserved: number }[]>`select on_hand, reserved from inventory where product_id = ${productId}`;
  return row!;
}

export const key = () => randomUUID();

/** Cart → checkout for one user; returns the checkout reply. */
export async function buy(call: Caller, user: TestUser, items: { product_id: string; quantity: number }[], idemKey = key()): Promise<Reply> {
  const add = await call('POST', '/cart/add_products', { token: user.token, body: { items } });
  if (add.status !== 200) return add;
  return call('POST', '/checkout', { token: user.token, body: { shipping_address: ADDRESS }, headers: { 'idempotency-key': idemKey } });
}

export const pay = (call: Caller, user: TestUser, orderId: string, method = 'tok_success', idemKey = key()) =>
  call('POST', '/payment', { token: user.token, body: { order_id: orderId, payment_method: method }, headers: { 'idempotency-key': idemKey } });
