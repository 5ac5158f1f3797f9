import { describe, expect, it } from 'vitest';
import { nextPrices } from './price-rule.ts';

describe('nextPrices', () => {
  it.each([
    {
      current: { price_amount: 100, mrp_amount: 200 },
      change: { price_amount: 150, mrp_amount: 300 },
      expected: { ok: true, prices: { price_amount: 150, mrp_amount: 300 } },
    },
    { current: { price_amount: 100, mrp_amount: 200 }, change: { price_amount: 200 }, expected: { ok: true, prices: { price_amount: 200, mrp_amount: 200 } } },
    {
      current: { price_amount: 100, mrp_amount: 200 },
      change: { price_amount: 201 },
      expected: { ok: false, field: 'price_amount', message: 'price 201 exceeds MRP 200' },
    },
    {
      current: { price_amount: 100, mrp_amount: 200 },
      change: { mrp_amount: 99 },
      expected: { ok: false, field: 'mrp_amount', message: 'price 100 exceeds MRP 99' },
    },
    {
      current: { price_amount: 100, mrp_amount: 200 },
      change: { price_amount: 300, mrp_amount: 250 },
      expected: { ok: false, field: 'price_amount', message: 'price 300 exceeds MRP 250' },
    },
    {
      current: { price_amount: null, mrp_amount: null },
      change: { price_amount: 500 },
      expected: { ok: true, prices: { price_amount: 500, mrp_amount: null } },
    },
    { current: { price_amount: null, mrp_amount: 100 }, change: { mrp_amount: 50 }, expected: { ok: true, prices: { price_amount: null, mrp_amount: 50 } } },
    { current: { price_amount: 0, mrp_amount: 0 }, change: {}, expected: { ok: true, prices: { price_amount: 0, mrp_amount: 0 } } },
  ])('$current with $change → $expected', ({ current, change, expected }) => {
    expect(nextPrices(current, change)).toEqual(expected);
  });
});
