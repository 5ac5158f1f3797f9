import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Redis } from '@upstash/redis';
import { Redis as IoRedis } from 'ioredis';
import { config } from '../config/index.ts';
import { createUpstashApp } from '../stack/upstash/app.ts';

const url = config.UPSTASH_REDIS_REST_URL;
const redis = new Redis({ url, token: config.UPSTASH_REDIS_REST_TOKEN });
const key = (name: string) => `stack-test:${randomUUID()}:${name}`;

describe('the Upstash REST bridge with @upstash/redis', () => {
  it('round-trips set, get and incr, with unicode and non-base64 strings intact', async () => {
    for (const value of ['héllo wörld ✓ 🚀', '!!not==base64$$', '', 'OK', '{"json":true}']) {
      const k = key('v');
      expect(await redis.set(k, value, { ex: 60 })).toBe('OK');
      expect(await redis.get(k)).toEqual(value === `{"json":true}` ? { json: true } : value);
    }
    const counter = key('n');
    expect(await redis.incr(counter)).toBe(1);
    expect(await redis.incr(counter)).toBe(2);
    expect(await redis.get(key('missing'))).toBeNull();
  });

  it('runs a pipeline, each command answered on its own', async () => {
    const k = key('p');
    const p = redis.pipeline();
    p.set(k, 'ünïcode');
    p.get(k);
    p.incr(k);
    p.del(k);
    const [set, get, incr, del] = (await p.exec<[string, string, number, number]>({ keepErrors: true })) as unknown as { result?: unknown; error?: string }[];
    expect(set!.result).toBe('OK');
    expect(get!.result).toBe('ünïcode');
    expect(incr!.error).toMatch(/not an integer/);
    expect(del!.result).toBe(1);
  });

  it('runs multi-exec atomically', async () => {
    const k = key('m');
    const tx = redis.multi();
    tx.set(k, 10);
    tx.incrby(k, 5);
    tx.get(k);
    expect(await tx.exec()).toEqual(['OK', 15, 15]);
  });

  it('aborts a multi-exec with a malformed command as a whole', async () => {
    const k = key('abort');
    const res = await fetch(new URL('/multi-exec', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${config.UPSTASH_REDIS_REST_TOKEN}` },
      body: JSON.stringify([
        ['SET', k, 'v'],
        ['SET', k],
      ]),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/EXECABORT/);
    expect(await redis.get(k)).toBeNull();
  });

  it.each(['/', '/pipeline', '/multi-exec'])('answers 401 on %s with a wrong or missing token', async (path) => {
    for (const headers of [{ authorization: 'Bearer wrong-token' }, {} as Record<string, string>]) {
      const res = await fetch(new URL(path, url), { method: 'POST', headers, body: JSON.stringify(path === '/' ? ['PING'] : [['PING']]) });
      expect(res.status).toBe(401);
    }
  });

  it('honours Upstash-Encoding: base64 and answers errors as {error}', async () => {
    const k = key('b');
    await redis.set(k, 'plain');
    const headers = { authorization: `Bearer ${config.UPSTASH_REDIS_REST_TOKEN}` };
    const b64 = await fetch(url, { method: 'POST', headers: { ...headers, 'upstash-encoding': 'base64' }, body: JSON.stringify(['GET', k]) });
    expect(await b64.json()).toEqual({ result: Buffer.from('plain').toString('base64') });
    const plain = await fetch(url, { method: 'POST', headers, body: JSON.stringify(['GET', k]) });
    expect(await plain.json()).toEqual({ result: 'plain' });
    // An allowed command that Redis refuses (an unknown one is refused by the allow-list with 403).
    const bad = await fetch(url, { method: 'POST', headers, body: JSON.stringify(['INCR', k]) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/not an integer/i);
  });
});

describe('@upstash/ratelimit through the bridge', () => {
  it('runs its Lua scripts (Upstash-only script flags included) and limits', async () => {
    const { Ratelimit } = await import('@upstash/ratelimit');
    const limiter = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(2, '10 s'), prefix: key('rl'), analytics: false });
    const id = 'client-1';
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await limiter.limit(id));
    expect(results.map((r) => r.success)).toEqual([true, true, false]);
    expect(results[2]!.remaining).toBe(0);
    // the second limiter of the same shape reuses the loaded script through EVALSHA
    const again = await new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(1, '10 s'), prefix: key('rl2'), analytics: false }).limit(id);
    expect(again.success).toBe(true);
  });
});

// The guards, on a bridge of this build served in-process (the stack's may run an older one)
// in front of the stack's Redis.
describe('the bridge guards', () => {
  const token = `guard-test-${randomUUID()}`;
  const direct = new IoRedis({ host: config.REDIS_HOST, port: config.REDIS_PORT, lazyConnect: true });
  let server: ReturnType<typeof serve>;
  let base = '';
  const post = (path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
    fetch(new URL(path, base), { method: 'POST', headers, body: JSON.stringify(body) });

  beforeAll(async () => {
    const redis = new IoRedis({ host: config.REDIS_HOST, port: config.REDIS_PORT, maxRetriesPerRequest: 1 });
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: createUpstashApp(redis, token).fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    server.on('close', () => redis.disconnect());
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    direct.disconnect();
  });

  it('refuses a token in the query string with 401, even beside a right header', async () => {
    for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
      const res = await post(`/?_token=${token}`, ['PING'], headers);
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatch(/query string/);
    }
  });

  it.each([
    ['a wrong token of the same length', `Bearer ${token.slice(0, -1)}x`],
    ['a prefix of the token', `Bearer ${token.slice(0, 12)}`],
    ['the token without its scheme', token],
  ])('refuses %s with 401', async (_name, authorization) => {
    expect((await post('/', ['PING'], { authorization })).status).toBe(401);
  });

  it.each([
    [['CONFIG', 'SET', 'maxmemory', '1'], 'CONFIG'],
    [['FLUSHALL'], 'FLUSHALL'],
    [['flushdb'], 'FLUSHDB'],
    [['DEBUG', 'SLEEP', '0'], 'DEBUG'],
    [['SELECT', '1'], 'SELECT'],
    [['KEYS', '*'], 'KEYS'],
    [['SCRIPT', 'FLUSH'], 'SCRIPT FLUSH'],
    [['SHUTDOWN', 'NOSAVE'], 'SHUTDOWN'],
  ])('answers %j with 403 naming %s', async (cmd, name) => {
    const res = await post('/', cmd);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe(`ERR command ${name} is not allowed by this bridge`);
  });

  it.each(['/pipeline', '/multi-exec'])('refuses a %s batch with one forbidden command as a whole (nothing runs)', async (path) => {
    const k = `stack-test:${randomUUID()}:batch`;
    const res = await post(path, [
      ['SET', k, 'v'],
      ['CONFIG', 'GET', 'maxmemory'],
      ['GET', k],
    ]);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/CONFIG is not allowed/);
    expect(await direct.exists(k)).toBe(0);
  });

  it('runs what @upstash/redis and @upstash/ratelimit send', async () => {
    const redis = new Redis({ url: base, token });
    const k = `stack-test:${randomUUID()}:allowed`;
    expect(await redis.set(k, 'v', { ex: 60 })).toBe('OK');
    expect(await redis.get(k)).toBe('v');
    const p = redis.pipeline();
    p.hset(`${k}:h`, { f: 'x' });
    p.expire(`${k}:h`, 60);
    p.exists(k);
    p.incr(`${k}:n`);
    p.del(k, `${k}:h`, `${k}:n`);
    expect(await p.exec()).toEqual([1, 1, 1, 1, 3]);
    const { Ratelimit } = await import('@upstash/ratelimit');
    const limiter = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(1, '10 s'), prefix: `${k}:rl`, analytics: false });
    expect((await limiter.limit('a')).success).toBe(true);
    expect((await limiter.limit('a')).success).toBe(false);
  });
});

describe('the rate-limit bridge', () => {
  it('serves a Redis database of its own: its keys are not in the cache database', async () => {
    const limits = new Redis({ url: config.RATE_LIMIT_REDIS_REST_URL, token: config.RATE_LIMIT_REDIS_REST_TOKEN });
    const k = key('apart');
    await limits.set(k, 'limit-state', { ex: 60 });
    expect(await limits.get(k)).toBe('limit-state');
    expect(await redis.exists(k)).toBe(0);
    await limits.del(k);
  });

  it('takes its own token, not the cache one', async () => {
    const res = await fetch(config.RATE_LIMIT_REDIS_REST_URL, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.UPSTASH_REDIS_REST_TOKEN}` },
      body: JSON.stringify(['PING']),
    });
    expect(res.status).toBe(401);
  });
});
