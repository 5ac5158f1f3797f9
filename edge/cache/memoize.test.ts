import { describe, expect, it } from 'vitest';
import { memoizeAsync } from './memoize.ts';

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
