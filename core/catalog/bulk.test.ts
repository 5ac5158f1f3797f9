import { describe, expect, it } from 'vitest';
import { DomainError, notFound } from '../errors/domain-error.ts';
import { lineError, linesByProduct } from './bulk.ts';

describe('lineError', () => {
  it.each([
    { err: notFound('product x'), expected: { field: 'product_id', message: 'product x not found' } },
    {
      err: new DomainError('price-above-mrp', 'price 3 exceeds MRP 2', { errors: [{ field: 'mrp_amount', message: 'price 3 exceeds MRP 2' }] }),
      expected: { field: 'mrp_amount', message: 'price 3 exceeds MRP 2' },
    },
    {
      err: new DomainError('below-reserved', 'p: below', { reserved: 3, errors: [{ field: 'delta', message: 'below' }] }),
      expected: { field: 'delta', message: 'below' },
    },
    { err: new DomainError('product-archived', 'archived'), expected: { field: 'line', message: 'archived' } },
    { err: new Error('connection reset'), expected: null },
  ])('$err.message → $expected', ({ err, expected }) => {
    expect(lineError(err)).toEqual(expected);
  });
});

describe('linesByProduct', () => {
  it("keeps each product's lines in file order", () => {
    const rows = ['a', 'b', 'a', 'c', 'b', 'a'].map((product_id) => ({ product_id }));
    expect([...linesByProduct(rows)]).toEqual([
      ['a', [0, 2, 5]],
      ['b', [1, 4]],
      ['c', [3]],
    ]);
  });
});
