import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Redis as IoRedis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../config/index.ts';
import { createEdge } from '../edge/app.ts';
import { createUpstashApp } from '../stack/upstash/app.ts';
import { makeProduct, makeUsers, startCore, type Core, type TestUser } from './core-harness.ts';
import { freePort } from './support/servers.ts';
import { serviceLog } from './support/test-logs.ts';

// The edge's write limits against the real core: per user (whatever address the writes come
// from), kept in a Redis database apart from the cache (a cache flush leaves them), and what the
// edge does when the limiter's Redis is down or silent (counts the writes on its own, against the same limits).
const PER_USER = 3;
// Two databases of the stack's Redis that nothing else uses, behind bridges of their own, so
// the cache one can be flushed here.
const CACHE_DB = 14;
const LIMITS_DB = 15;
const token = `rate-limit-test-${randomUUID()}`;

let core: Core;
let product: string;
let users: TestUser[];
const servers: ReturnType<typeof serve>[] = [];
const connections: IoRedis[] = [];
let deadPort = 0;
let silent: Server;

async function bridge(db: number): Promise<string> {
  const redis = new IoRedis({ host: config.REDIS_HOST, port: config.REDIS_PORT, db, maxRetriesPerRequest: 1 });
  connections.push(redis);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: createUpstashApp(redis, token).fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const edgeWith = (settings: Record<string, string>) =>
  createEdge(
    { ...config, CORE_URL: core.url, EDGE_RATE_LIMIT_USER_WRITES_PER_MINUTE: String(PER_USER), EDGE_RATE_LIMIT_IP_WRITES_PER_MINUTE: '1000', ...settings },
    { runtime: 'node', logSink: serviceLog('edge').write, rateLimitPrefix: `ratelimit:test:${randomUUID()}` },
  );

/** One cart write by the user from a fresh client address each time. */
const write = (edge: ReturnType<typeof createEdge>, user: TestUser) =>
  edge.request('/cart/add_products', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}`, 'cf-connecting-ip': `198.51.100.${Math.floor(Math.random() * 250)}` },
    body: JSON.stringify({ items: [{ product_id: product, quantity: 1 }] }),
  });

const limitHeaders = (r: Response) => ['ratelimit-limit', 'ratelimit-remaining'].map((h) => r.headers.get(h));

beforeAll(async () => {
  core = await startCore();
  product = await makeProduct(core.sql, 1000, 49_900, 'ratelimit');
  users = await makeUsers(core.sql, 5);
  deadPort = await freePort();
  silent = createServer(() => {});
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  for (const c of connections) c.disconnect();
  silent.close();
  await core.stop();
});

describe('per-user write limit', () => {
  it(`allows ${PER_USER} writes a minute per user from any address, then 429 problem+json with RateLimit-* and Retry-After; other users unaffected`, async () => {
    const edge = edgeWith({});
    const [alice, bob] = users as [TestUser, TestUser];
    const seen: { status: number; headers: (string | null)[] }[] = [];
    for (let i = 0; i <= PER_USER; i++) {
      const r = await write(edge, alice);
      seen.push({ status: r.status, headers: limitHeaders(r) });
      if (i === PER_USER) {
        expect(r.headers.get('content-type')).toBe('application/problem+json');
        expect(((await r.json()) as { type: string }).type).toMatch(/rate-limited$/);
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      }
    }
    expect(seen).toEqual([
      { status: 200, headers: ['3', '2'] },
      { status: 200, headers: ['3', '1'] },
      { status: 200, headers: ['3', '0'] },
      { status: 429, headers: ['3', '0'] },
    ]);
    const other = await write(edge, bob);
    expect(other.status).toBe(200);
    expect(limitHeaders(other)).toEqual(['3', '2']);
  });
});

describe('rate-limit state apart from the cache', () => {
  it('a flush of the cache database leaves the counters: a limited user stays limited', async () => {
    const edge = edgeWith({
      UPSTASH_REDIS_REST_URL: await bridge(CACHE_DB),
      UPSTASH_REDIS_REST_TOKEN: token,
      RATE_LIMIT_REDIS_REST_URL: await bridge(LIMITS_DB),
      RATE_LIMIT_REDIS_REST_TOKEN: token,
    });
    const carol = users[2]!;
    for (let i = 0; i < PER_USER; i++) expect((await write(edge, carol)).status).toBe(200);
    expect((await write(edge, carol)).status).toBe(429);

    const [cacheDb, limitsDb] = connections.slice(-2) as [IoRedis, IoRedis];
    expect((await limitsDb.keys('ratelimit:test:*')).length).toBeGreaterThan(0);
    expect(await cacheDb.keys('ratelimit:*')).toEqual([]);
    await cacheDb.flushdb();
    const after = await write(edge, carol);
    expect(after.status).toBe(429);
    expect(limitHeaders(after)).toEqual(['3', '0']);
  });
});

describe('the limiter with its Redis down', () => {
  it.each([
    ['refusing connections', () => `http://127.0.0.1:${deadPort}`],
    ['accepting and never answering', () => `http://127.0.0.1:${(silent.address() as AddressInfo).port}`],
  ])('%s: writes still go through to core, and the instance holds the limit on its own', async (_name, url) => {
    const edge = edgeWith({ RATE_LIMIT_REDIS_REST_URL: url(), EDGE_REDIS_TIMEOUT_MS: '200' });
    const user = users[3]!;
    const answers: { status: number; headers: (string | null)[] }[] = [];
    for (let i = 0; i < PER_USER + 2; i++) {
      const started = Date.now();
      const r = await write(edge, user);
      answers.push({ status: r.status, headers: limitHeaders(r) });
      expect(Date.now() - started).toBeLessThan(2000);
    }
    expect(answers).toEqual([
      ...Array.from({ length: PER_USER }, (_, i) => ({ status: 200, headers: [String(PER_USER), String(PER_USER - 1 - i)] })),
      { status: 429, headers: [String(PER_USER), '0'] },
      { status: 429, headers: [String(PER_USER), '0'] },
    ]);
    // Another instance counts for itself: the outage makes the limit per instance, not none.
    expect((await write(edgeWith({ RATE_LIMIT_REDIS_REST_URL: url(), EDGE_REDIS_TIMEOUT_MS: '200' }), user)).status).toBe(200);
  });
});

describe('per-address read limit', () => {
  const READS = 4;
  const read = (edge: ReturnType<typeof createEdge>, ip: string) => edge.request('/health', { headers: { 'cf-connecting-ip': ip } });

  it(`allows ${READS} reads a minute per address, then 429 problem+json with Retry-After and the request id; other addresses unaffected; counts in the limits' Redis`, async () => {
    const edge = edgeWith({
      EDGE_RATE_LIMIT_IP_READS_PER_MINUTE: String(READS),
      RATE_LIMIT_REDIS_REST_URL: await bridge(LIMITS_DB),
      RATE_LIMIT_REDIS_REST_TOKEN: token,
    });
    const statuses: number[] = [];
    for (let i = 0; i < READS; i++) statuses.push((await read(edge, '192.0.2.1')).status);
    const refused = await read(edge, '192.0.2.1');
    expect([...statuses, refused.status]).toEqual([...Array(READS).fill(200), 429]);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(((await refused.json()) as { type: string }).type).toMatch(/rate-limited$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.headers.get('x-request-id')).toBeTruthy();
    expect((await read(edge, '192.0.2.2')).status).toBe(200);
    const limitsDb = connections.at(-1)!;
    await expect.poll(async () => (await limitsDb.keys('ratelimit:test:*:read:192.0.2.1:*')).length).toBe(1);
  });

  it('with its Redis down, reads go on without waiting for it (fail open), and the outage is logged', async () => {
    const lines: string[] = [];
    const edge = createEdge(
      { ...config, CORE_URL: core.url, EDGE_RATE_LIMIT_IP_READS_PER_MINUTE: String(READS), RATE_LIMIT_REDIS_REST_URL: `http://127.0.0.1:${deadPort}` },
      { runtime: 'node', logSink: (line) => lines.push(line), rateLimitPrefix: `ratelimit:test:${randomUUID()}` },
    );
    for (let i = 0; i < READS; i++) {
      const started = Date.now();
      expect((await read(edge, '192.0.2.3')).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(500);
    }
    await expect.poll(() => lines.some((l) => l.includes('read limiter unavailable'))).toBe(true);
  });
});
