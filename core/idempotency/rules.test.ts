import { describe, expect, it } from 'vitest';
import { canonicalJson, decideExistingKey, requestHash, shouldStoreResponse, type StoredKey } from './rules.ts';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [1, { y: 1, x: 2 }], c: null } }, '{"a":{"c":null,"d":[1,{"x":2,"y":1}]}}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [[3, 'a'], '[3,"a"]'],
    [null, 'null'],
    [undefined, 'null'],
  ])('%j → %s', (input, expected) => expect(canonicalJson(input)).toBe(expected));

  it('hash ignores key order but not values', () => {
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});

describe('decideExistingKey', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const later = new Date('2026-01-02T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const key = (state: StoredKey['state'], request_hash = 'h', expires_at = later, locked_at = ago(1000)): StoredKey => ({
    state,
    request_hash,
    expires_at,
    locked_at,
  });
  it.each([
    ['done, same body', key('done'), 'h', 'replay'],
    ['done, other body', key('done'), 'x', 'mismatch'],
    ['done long ago is still a replay', key('done', 'h', later, ago(3_600_000)), 'h', 'replay'],
    ['running, same body', key('in_flight'), 'h', 'in_flight'],
    ['running, other body', key('in_flight'), 'x', 'mismatch'],
    ['running just under the lock timeout', key('in_flight', 'h', later, ago(29_999)), 'h', 'in_flight'],
    ['running past the lock timeout: its request died', key('in_flight', 'h', later, ago(30_000)), 'h', 'abandoned'],
    ['abandoned, other body', key('in_flight', 'x', later, ago(60_000)), 'h', 'mismatch'],
    ['expired', key('done', 'h', now), 'h', 'expired'],
    ['expired beats mismatch', key('done', 'h', new Date(0)), 'x', 'expired'],
  ])('%s', (_n, stored, hash, expected) => expect(decideExistingKey(stored, hash, now, 30_000)).toBe(expected));
});

describe('shouldStoreResponse', () => {
  it.each([
    [200, true],
    [201, true],
    [402, true],
    [409, true],
    [500, false],
    [504, false],
  ])('status %i stored: %s', (s, e) => expect(shouldStoreResponse(s)).toBe(e));
});
