import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { config } from '../config/index.ts';

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
    const bad = await fetch(url, { method: 'POST', headers, body: JSON.stringify(['NOSUCHCOMMAND']) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/unknown command/i);
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
