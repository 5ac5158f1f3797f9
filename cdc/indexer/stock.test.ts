import { describe, expect, it } from 'vitest';
import { inStockFlipped, parseStockState } from './stock.ts';

describe('parseStockState', () => {
  it.each([
    ['5:1:1', { available: 5, indexedInStock: true, priced: true }],
    ['0:1:0', { available: 0, indexedInStock: true, priced: false }],
    ['::', { available: null, indexedInStock: null, priced: null }],
    ['3::', { available: 3, indexedInStock: null, priced: null }],
  ])('%s', (raw, state) => expect(parseStockState(raw)).toEqual(state));
});

describe('inStockFlipped', () => {
  it.each([
    ['units left, indexed in stock', '4:1:1', false],
    ['sold out, indexed in stock', '0:1:1', true],
    ['restocked, indexed sold out', '2:0:1', true],
    ['still sold out', '0:0:1', false],
    ['no price: never in stock, whatever the units', '9:0:0', false],
    ['no stock value yet, indexed sold out', ':0:1', false],
    ['never indexed through the projection', '4::', true],
  ])('%s (%s) → %s', (_, raw, flipped) => expect(inStockFlipped(parseStockState(raw))).toBe(flipped));
});
