import { describe, expect, it } from 'vitest';
import { createHotReads, requestTarget, type HotRead } from './hot-reads.ts';

const read = (body: string): HotRead => ({ etag: `W/"${body.length}"`, body, headers: { 'content-type': 'application/json' } });

describe('hot reads', () => {
  it.each([[{ ttlMs: 0, maxBytes: 1000 }], [{ ttlMs: 1000, maxBytes: 0 }]])('are off for %j', (opts) => {
    expect(createHotReads(opts)).toBeNull();
  });

  it('return what was stored, until the TTL passes', () => {
    let now = 5000;
    const hot = createHotReads({ ttlMs: 1000, maxBytes: 1_000_000, now: () => now })!;
    hot.set('/a', read('{"a":1}'));
    expect(hot.get('/a')).toEqual(read('{"a":1}'));
    now += 999;
    expect(hot.get('/a')).toEqual(read('{"a":1}'));
    now += 2;
    expect(hot.get('/a')).toBeUndefined();
  });

  it('evict the least recently used entries beyond the size bound, and never keep an oversized one', () => {
    const body = 'x'.repeat(100);
    // Each entry costs 2 * (100 + etag + key) + 1024 ≈ 1240; three fit in 3800, four do not.
    const hot = createHotReads({ ttlMs: 60_000, maxBytes: 3800 })!;
    for (const k of ['/a', '/b', '/c']) hot.set(k, read(body));
    expect(hot.get('/a')).toBeDefined();
    hot.set('/d', read(body));
    expect(hot.get('/b')).toBeUndefined();
    expect(hot.get('/a')).toBeDefined();
    expect(hot.get('/d')).toBeDefined();
    hot.set('/huge', read('y'.repeat(4000)));
    expect(hot.get('/huge')).toBeUndefined();
  });
});

describe('requestTarget', () => {
  it.each([
    ['http://127.0.0.1:8787/products/abc', '/products/abc'],
    ['https://shop.example/products/search_item?query=tv&size=20', '/products/search_item?query=tv&size=20'],
    ['http://localhost', '/'],
    ['http://localhost/', '/'],
    ['/products/x?y=1', '/products/x?y=1'],
  ])('%s → %s', (url, target) => {
    expect(requestTarget(url)).toBe(target);
  });
});
