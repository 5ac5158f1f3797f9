import { describe, expect, it } from 'vitest';
import { sha256Hex } from './cache/etag.ts';
import { nodeSha256 } from './node-runtime.ts';

describe('nodeSha256', () => {
  it.each(['', '{"a":1}', 'héllo ✓ — 𝄞', 'x'.repeat(20_000)])('equals Web Crypto’s digest for %j', async (text) => {
    expect(await nodeSha256(text)).toBe(await sha256Hex(text));
  });

  it('is the known digest of "abc"', async () => {
    expect(await nodeSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
