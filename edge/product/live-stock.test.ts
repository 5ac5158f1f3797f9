import { describe, expect, it } from 'vitest';
import { unitsOf } from './live-stock.ts';

describe('unitsOf', () => {
  it.each([
    ['7', 7],
    [7, 7],
    ['0', 0],
    [null, 0],
    ['-2', 0],
    ['x', 0],
    ['1.5', 0],
  ])('%j → %d', (raw, units) => expect(unitsOf(raw)).toBe(units));
});
