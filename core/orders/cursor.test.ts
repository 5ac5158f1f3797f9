import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('order cursor', () => {
  it('round-trips', () => {
    const c = { createdAt: '2026-01-01T10:00:00.123Z', id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
    expect(encodeCursor(c)).toBe('1767261600123_7c9e6679-7425-40de-944b-e07fc1f90ae7');
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });
  it.each([
    ['the smallest time', '0_00000000-0000-0000-0000-000000000000', '1970-01-01T00:00:00.000Z'],
    ['the largest time the pattern allows', '9999999999999_ffffffff-ffff-ffff-ffff-ffffffffffff', '2286-11-20T17:46:39.999Z'],
  ])('any cursor of the contract form is a place: %s', (_what, raw, createdAt) => expect(decodeCursor(raw)?.createdAt).toBe(createdAt));
  it.each(['', 'abc', '0', '12_x', '1767261600123_7C9E6679-7425-40DE-944B-E07FC1F90AE7', '12345678901234_7c9e6679-7425-40de-944b-e07fc1f90ae7'])(
    '%j is not a cursor: null',
    (raw) => expect(decodeCursor(raw)).toBeNull(),
  );
});
