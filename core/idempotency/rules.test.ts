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
  const key = (state: StoredKey['state'], request_hash = 'h', expires_at = later): StoredKey => ({ state, request_hash, expires_at });
  it.each([
    ['done, same body', key('done'), 'h', 'replay'],
    ['done, other body', key('done'), 'x', 'mismatch'],
    ['running, same body', key('in_flight'), 'h', 'in_flight'],
    ['running, other body', key('in_flight'), 'x', 'mismatch'],
    ['expired', key('done', 'h', now), 'h', 'expired'],
    ['expired beats mismatch', key('done', 'h', new Date(0)), 'x', 'expired'],
  ])('%s', (_n, stored, hash, expected) => expect(decideExistingKey(stored, hash, now)).toBe(expected));

  it.each([
    [200, true],
    [201, true],
    [402, true],
    [409, true],
    [500, false],
    [504, false],
  ])('status %i stored: %s', (s, e) => expect(shouldStoreResponse(s)).toBe(e));
});
