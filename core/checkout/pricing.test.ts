import { describe, expect, it } from 'vitest';
import { priceLines, sumLinesByProduct, type CatalogLine } from './pricing.ts';

const line = (product_id: string, quantity: number, unit_amount: number | null = 100): CatalogLine => ({
  product_id,
  quantity,
  unit_amount,
  title: product_id,
});

describe('sumLinesByProduct', () => {
  it.each([
    ['empty', [], []],
    ['one line', [line('a', 2)], [['a', 2]]],
    ['duplicate product summed', [line('b', 1), line('b', 3)], [['b', 4]]],
    [
      'sorted by product id',
      [line('c', 1), line('a', 1), line('b', 1)],
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
    ],
    [
      'mixed',
      [line('z', 2), line('a', 1), line('z', 5), line('a', 9)],
      [
        ['a', 10],
        ['z', 7],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(sumLinesByProduct(input).map((l) => [l.product_id, l.quantity])).toEqual(expected);
  });
});

describe('priceLines', () => {
  it.each([
    ['single line', [line('a', 3, 37900)], 113700],
    ['two products', [line('a', 1, 100), line('b', 2, 250)], 600],
    ['same product twice', [line('a', 1, 999), line('a', 2, 999)], 2997],
    ['free item', [line('a', 5, 0)], 0],
  ])('%s → subtotal %i', (_name, input, subtotal) => {
    const p = priceLines(input);
    expect(p.ok && p.subtotal).toBe(subtotal);
  });

  it('line amounts are integer unit × quantity', () => {
    const p = priceLines([line('a', 3, 33333)]);
    expect(p).toEqual({ ok: true, subtotal: 99999, lines: [{ product_id: 'a', title: 'a', quantity: 3, unit_amount: 33333, line_amount: 99999 }] });
  });

  it('refuses products without a price, naming them', () => {
    expect(priceLines([line('a', 1), line('b', 1, null), line('c', 1, null)])).toEqual({ ok: false, error: 'not_for_sale', product_ids: ['b', 'c'] });
  });

  it('refuses amounts beyond safe integers', () => {
    expect(priceLines([line('a', 1000, Number.MAX_SAFE_INTEGER / 10)])).toEqual({ ok: false, error: 'overflow' });
  });
});
