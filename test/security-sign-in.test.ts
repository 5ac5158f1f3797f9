import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../core/auth/password.ts';
import { createUser } from '../core/auth/users.ts';
import { makeProduct, makeUsers, startCore, type Core, type TestUser } from './core-harness.ts';

// Sign-in under pressure: attempts limited per account and per address (fail closed), hashing
// through a bounded pool (503 + Retry-After beyond it), stored hashes upgraded at login, the
// operator role read from the database, and the guest cart kept at registration.
const run = randomUUID().slice(0, 8);
// Each test's addresses are its own, so counters of earlier runs in the same minute do not interfere.
const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const email = (label: string) => `core-test-signin-${run}-${label}-${randomUUID().slice(0, 6)}@example.com`;
const password = 'correct horse battery';

let core: Core;
beforeAll(async () => {
  core = await startCore({ SIGN_IN_ACCOUNT_PER_MINUTE: 3, SIGN_IN_ADDRESS_PER_MINUTE: 4, PASSWORD_SCRYPT_COST: 2048 });
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  await core.stop();
});

const register = (c: Core, body: object, headers: Record<string, string> = {}) => c.call('POST', '/auth/register', { body, headers });
const login = (c: Core, body: object, headers: Record<string, string> = {}) => c.call('POST', '/auth/login', { body, headers });

describe('sign-in limits', () => {
  it('refuse an account after its limit, whatever the address, with Retry-After', async () => {
    const target = email('account');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(core, { email: target, password: 'wrong guess' }, { 'x-forwarded-for': address() })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await login(core, { email: target.toUpperCase(), password: 'wrong guess' }, { 'x-forwarded-for': address() });
    expect(refused.status).toBe(429);
    expect(refused.body.type).toMatch(/rate-limited$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('refuse an address after its limit, across accounts and across login and registration', async () => {
    const from = { 'x-forwarded-for': address() };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await register(core, { email: email(`address-${i}`), password }, from)).status);
    statuses.push((await login(core, { email: email('address-login'), password }, from)).status);
    statuses.push((await register(core, { email: email('address-4'), password }, from)).status);
    expect(statuses).toEqual([201, 201, 201, 401, 429]);
    expect((await register(core, { email: email('address-5'), password }, { 'x-forwarded-for': address() })).status).toBe(201);
  });

  it('fail closed: when the counters cannot be reached, sign-in is 503 with Retry-After', async () => {
    const reserved = await core.sql.reserve();
    try {
      await reserved`begin`;
      await reserved`lock table sign_in_attempts in exclusive mode`;
      const started = Date.now();
      const r = await register(core, { email: email('closed'), password }, { 'x-forwarded-for': address() });
      expect(r.status).toBe(503);
      expect(r.body.type).toMatch(/overloaded$/);
      expect(r.headers.get('retry-after')).toBe('1');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await reserved`rollback`;
      reserved.release();
    }
  });
});

describe('hashing pool', () => {
  it('300 registrations at once: each is 201 or an immediate 503 with Retry-After, never another 5xx', async () => {
    const burst = await startCore({ PASSWORD_SCRYPT_COST: 16384, PASSWORD_HASH_CONCURRENCY: 2, PASSWORD_HASH_QUEUE: 16, SIGN_IN_ADDRESS_PER_MINUTE: 1000 });
    try {
      const started = Date.now();
      const replies = await Promise.all(
        Array.from({ length: 300 }, (_, i) => register(burst, { email: email(`burst-${i}`), password }, { 'x-forwarded-for': address() })),
      );
      const elapsed = Date.now() - started;
      const counts: Record<number, number> = {};
      for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1;
      expect(Object.keys(counts).map(Number).sort()).toEqual([201, 503]);
      expect(counts[201]).toBeGreaterThanOrEqual(18);
      for (const r of replies.filter((x) => x.status === 503)) expect(r.headers.get('retry-after')).toBe('1');
      // generous: the machine running the suite may be shared; the point is that nobody waits for a timeout
      expect(elapsed).toBeLessThan(30_000);
      console.info(`300 concurrent registrations: ${JSON.stringify(counts)} in ${elapsed} ms`);
      expect(burst.errors).toEqual([]);
    } finally {
      await burst.stop();
    }
  });
});

describe('login', () => {
  it('upgrades a hash weaker than the current cost, and the password still works', async () => {
    const who = email('rehash');
    await createUser(core.sql, who, await hashPassword(password, { N: 1024, r: 8, p: 1 }));
    const stored = async () => (await core.sql<{ password_hash: string }[]>`select password_hash from users where email = ${who}`)[0]!.password_hash;
    expect(await stored()).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect((await login(core, { email: who, password }, { 'x-forwarded-for': address() })).status).toBe(200);
    const upgraded = await stored();
    expect(upgraded).toMatch(/^scrypt\$2048\$8\$1\$/);
    expect((await login(core, { email: who, password }, { 'x-forwarded-for': address() })).status).toBe(200);
    expect(await stored()).toBe(upgraded);
  });

  it('keeps the guest cart at registration', async () => {
    const product = await makeProduct(core.sql, 5);
    const guest = await core.call('POST', '/cart/add_products', { body: { items: [{ product_id: product, quantity: 2 }] } });
    expect(guest.status).toBe(200);
    const reg = await register(core, { email: email('guest'), password }, { 'x-forwarded-for': address(), 'x-cart-token': guest.body.cart_token });
    expect(reg.status).toBe(201);
    const cart = await core.call('GET', '/cart', { token: reg.body.access_token });
    expect(cart.body.items.map((l: { product_id: string; quantity: number }) => [l.product_id, l.quantity])).toEqual([[product, 2]]);
    expect((await core.call('GET', '/cart', { headers: { 'x-cart-token': guest.body.cart_token } })).status).toBe(404);
  });
});

describe('operator routes', () => {
  it("refuse a demoted operator's still-valid token", async () => {
    const [admin] = (await makeUsers(core.sql, 1, 'admin')) as [TestUser];
    const change = () => core.call('POST', `/admin/orders/${randomUUID()}/status`, { token: admin.token, body: { status: 'packed' } });
    expect((await change()).status).toBe(404);
    await core.sql`update users set role = 'customer' where id = ${admin.id}`;
    const r = await change();
    expect(r.status).toBe(403);
    expect(r.body.type).toMatch(/forbidden$/);
  });
});
