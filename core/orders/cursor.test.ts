import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('order cursor', () => {
  it('round-trips', () => {
    const c = { createdAt: '2026-01-01T10:00:00.123Z', id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });
  it.each([
    '',
    'abc',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["2026-01-01T10:00:00Z","x"]').toString('base64url'),
    Buffer.from('{}').toString('base64url'),
  ])('%j is not a cursor: null', (raw) => expect(decodeCursor(raw)).toBeNull());
});
