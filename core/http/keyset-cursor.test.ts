import { describe, expect, it } from 'vitest';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor.ts';

const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('keyset cursor', () => {
  it.each([
    ['a recent time, every microsecond digit kept', '1767261600123456', id],
    ['the epoch', '0', '00000000-0000-0000-0000-000000000000'],
    ['the largest the pattern allows', '9999999999999999', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
  ])('round-trips %s', (_what, micros, uuid) =>
    expect(decodeKeysetCursor(encodeKeysetCursor({ created_micros: micros, id: uuid }))).toEqual({ micros, id: uuid }),
  );

  it.each([
    ['empty', ''],
    ['not a cursor', 'abc'],
    ['no separator', `1767261600123456${id}`],
    ['not a uuid', '12_x'],
    ['negative', `-1_${id}`],
    ['17 digits', `17672616001234567_${id}`],
    ['upper-case id', `1_${id.toUpperCase()}`],
  ])('refuses %s', (_what, raw) => expect(decodeKeysetCursor(raw)).toBeNull());
});
