import { describe, expect, it } from 'vitest';
import { createMemoryTier, memoizeAsync, memoryKey } from './memory-tier.ts';

const entry = (body: string) => ({ etag: `W/"${body.length}"`, body });

describe('memory tier', () => {
  it.each([
    [{ ttlMs: 0, maxBytes: 1000 }],
    [{ ttlMs: 1000, maxBytes: 0 }],
  ])('is off for %j', (opts) => {
    expect(createMemoryTier(opts)).toBeNull();
  });

  it('returns what was stored, until the TTL passes', () => {
    let now = 5000;
    const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 1_000_000, now: () => now })!;
    tier.set('a', entry('{"a":1}'));
    expect(tier.get('a')).toEqual(entry('{"a":1}'));
    now += 999;
    expect(tier.get('a')).toEqual(entry('{"a":1}'));
    now += 2;
    expect(tier.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entries beyond the size bound, and never keeps an oversized one', () => {
    const body = 'x'.repeat(100);
    // Each entry costs 2 * (100 + etag + key) + 64 ≈ 280; three fit in 900, four do not.
    const tier = createMemoryTier({ ttlMs: 60_000, maxBytes: 900 })!;
    for (const k of ['a', 'b', 'c']) tier.set(k, entry(body));
    expect(tier.get('a')).toBeDefined();
    tier.set('d', entry(body));
    expect(tier.get('b')).toBeUndefined();
    expect(tier.get('a')).toBeDefined();
    expect(tier.get('d')).toBeDefined();
    tier.set('huge', entry('y'.repeat(1000)));
    expect(tier.get('huge')).toBeUndefined();
  });

  it.each([
    [{ key: 'search:1:abc' }, 'search:1:abc'],
    [{ key: 'product:7', field: 'commerce:page' }, 'product:7\u0000commerce:page'],
  ])('keys %j as %j', (at, key) => {
    expect(memoryKey(at)).toBe(key);
  });
});

describe('memoizeAsync', () => {
  it('computes each input once while it fits among the most recent ones, and retries failures', async () => {
    const calls: string[] = [];
    let fail = true;
    const upper = memoizeAsync(async (s) => {
      calls.push(s);
      if (s === 'bad' && fail) throw new Error('no');
      return s.toUpperCase();
    }, 2 * 101);
    expect(await Promise.all([upper('a'), upper('a')])).toEqual(['A', 'A']);
    expect(await upper('b')).toBe('B');
    expect(await upper('a')).toBe('A');
    expect(calls).toEqual(['a', 'b']);
    await upper('c');
    expect(await upper('b')).toBe('B');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
    await expect(upper('bad')).rejects.toThrow('no');
    fail = false;
    expect(await upper('bad')).toBe('BAD');
  });
});
