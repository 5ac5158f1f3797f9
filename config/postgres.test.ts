import { describe, expect, it } from 'vitest';
import { int8FromText, postgresOptions } from './postgres.ts';

describe('int8FromText', () => {
  it.each([
    ['0', 0],
    ['-42', -42],
    ['9007199254740991', 9007199254740991],
    ['-9007199254740991', -9007199254740991],
    ['9007199254740992', '9007199254740992'],
    ['9223372036854775807', '9223372036854775807'],
  ])('%s → %j', (text, expected) => {
    expect(int8FromText(text)).toBe(expected);
  });
});

describe('postgresOptions', () => {
  it('parses and serialises int8 with the shared rule', () => {
    const { types, max } = postgresOptions({ max: 3 });
    expect(max).toBe(3);
    expect(types.int8.parse('12')).toBe(12);
    expect(types.int8.serialize(12n)).toBe('12');
  });
});
