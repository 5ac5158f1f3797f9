import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('search cursors', () => {
  it.each([[[1.5, 'abc']], [[null, 'id-1']], [[37900, 'x', 4]], [['ünïcode', 'é']]])('round-trips %o', (values) => {
    const c = encodeCursor(values);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual(values);
  });

  it.each([['not base64!'], ['e30'], [encodeCursor([])], ['W3sia2V5IjoxfV0'], ['']])('rejects %s', (c) => {
    expect(decodeCursor(c)).toBeNull();
  });
});
