import { describe, expect, it } from 'vitest';
import { overLimit, signInBuckets } from './sign-in-limits.ts';

const limits = { perAccount: 3, perAddress: 10 };

describe('signInBuckets', () => {
  it('counts per account, whatever the case and spaces of the email, and per address', () => {
    const [first, second] = signInBuckets(' Asha@Example.com', '203.0.113.7', limits);
    expect(signInBuckets('asha@example.com', '203.0.113.7', limits)).toEqual([first, second]);
    expect([first!.key.split(':')[0], second!.key]).toEqual(['account', 'address:203.0.113.7']);
    expect([first!.limit, second!.limit]).toEqual([3, 10]);
  });
  it('does not store the email itself', () => {
    expect(JSON.stringify(signInBuckets('asha@example.com', 'x', limits))).not.toContain('asha');
  });
});

describe('overLimit', () => {
  const buckets = signInBuckets('asha@example.com', '203.0.113.7', limits);
  const [account, address] = [buckets.find((b) => b.key.startsWith('account'))!, buckets.find((b) => b.key.startsWith('address'))!];
  it.each([
    ['both under', 3, 10, null],
    ['the account over', 4, 1, 'account'],
    ['the address over', 1, 11, 'address'],
    ['no count yet', undefined, undefined, null],
  ] as const)('%s', (_name, a, b, expected) => {
    const counts = new Map<string, number>();
    if (a !== undefined) counts.set(account.key, a);
    if (b !== undefined) counts.set(address.key, b);
    expect(overLimit(buckets, counts)?.key.split(':')[0] ?? null).toBe(expected);
  });
});
