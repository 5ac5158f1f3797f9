import { describe, expect, it } from 'vitest';
import { decodeAdminCursor, encodeAdminCursor } from './admin-cursor.ts';

const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('admin order cursor', () => {
  it.each([
    ['1767261600123456', '2026-01-01T10:00:00.123456Z'],
    ['1767261600000001', '2026-01-01T10:00:00.000001Z'],
    ['1767261600999999', '2026-01-01T10:00:00.999999Z'],
    ['0', '1970-01-01T00:00:00.000000Z'],
  ])('%s µs is %s, every digit kept', (us, iso) => {
    expect(decodeAdminCursor(encodeAdminCursor(us, id))).toEqual({ createdAt: iso, id });
  });

  it.each([
    ['no separator', `1767261600123456${id}`],
    ['upper-case id', `1767261600123456_${id.toUpperCase()}`],
    ['17 digits', `17672616001234560_${id}`],
    ['negative', `-1_${id}`],
    ['empty', ''],
  ])('refuses %s', (_, raw) => {
    expect(decodeAdminCursor(raw)).toBeNull();
  });
});
