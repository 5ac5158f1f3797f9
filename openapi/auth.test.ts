import { describe, expect, it } from 'vitest';
import { parseBearer } from './auth.ts';

describe('parseBearer', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['Bearer', null],
    ['Bearer ', null],
    ['Basic abc', null],
    ['Bearer a.b.c', 'a.b.c'],
    ['bearer a.b.c', 'a.b.c'],
    ['BEARER   a.b.c', 'a.b.c'],
    ['  Bearer a.b.c  ', 'a.b.c'],
    ['Bearer a.b.c extra', null],
    ["Bearer a.b.c' or 1=1", null],
    ['Bearer a+b/c=', null],
  ])('%j → %j', (header, expected) => expect(parseBearer(header)).toBe(expected));
});
