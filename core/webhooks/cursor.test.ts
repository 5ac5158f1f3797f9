import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('webhook cursor', () => {
  it.each([
    ['a recent time', 1767261600123456n, '7c9e6679-7425-40de-944b-e07fc1f90ae7'],
    ['the epoch', 0n, '00000000-0000-0000-0000-000000000000'],
    ['the largest the pattern allows', 9999999999999999n, 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
  ])('round-trips %s', (_what, createdAtMicros, id) => expect(decodeCursor(encodeCursor({ createdAtMicros, id }))).toEqual({ createdAtMicros, id }));
  it.each([
    '',
    'abc',
    '12_x',
    '-1_7c9e6679-7425-40de-944b-e07fc1f90ae7',
    '17672616001234567_7c9e6679-7425-40de-944b-e07fc1f90ae7',
    '1_7C9E6679-7425-40DE-944B-E07FC1F90AE7',
  ])('%j is not a cursor', (raw) => expect(decodeCursor(raw)).toBeNull());
});
