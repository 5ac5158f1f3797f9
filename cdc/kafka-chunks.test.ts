import { describe, expect, it } from 'vitest';
import { chunkByBytes, messageBytes } from './kafka-chunks.ts';

const msg = (i: number, bytes: number) => ({ key: `k${i}`, value: 'x'.repeat(bytes) });

describe('chunkByBytes', () => {
  it('keeps a small batch whole', () => {
    const batch = [msg(1, 10), msg(2, 10)];
    expect(chunkByBytes(batch, 1000)).toEqual([batch]);
  });

  it('splits a large batch into consecutive slices under the limit, order kept', () => {
    const batch = Array.from({ length: 1000 }, (_, i) => msg(i, 1000));
    const chunks = chunkByBytes(batch, 64 * 1024);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.flat()).toEqual(batch);
    for (const c of chunks) expect(c.reduce((n, m) => n + messageBytes(m), 0)).toBeLessThanOrEqual(64 * 1024);
  });

  it('sends a message larger than the limit on its own', () => {
    const batch = [msg(1, 10), msg(2, 5000), msg(3, 10)];
    expect(chunkByBytes(batch, 1000).map((c) => c.map((m) => m.key))).toEqual([['k1'], ['k2'], ['k3']]);
  });

  it('counts bytes, not characters', () => {
    expect(messageBytes({ key: null, value: 'é' })).toBe(messageBytes({ key: null, value: 'ab' }));
  });

  it('returns nothing for nothing', () => expect(chunkByBytes([], 10)).toEqual([]));
});
