import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { cartView, type CartRow } from './cart-view.ts';

const row = (product_id: string, quantity: number, unit_amount: number | null, available = 10): CartRow => ({
  product_id,
  title: product_id,
  quantity,
  unit_amount,
  available,
});
const summary = (rows: CartRow[]) => {
  const v = cartView('cart', rows);
  return { lines: v.items.map((i) => [i.product_id, i.line_total.amount, i.in_stock]), subtotal: v.subtotal.amount };
};

describe('cartView', () => {
  it.each([
    ['empty', [], [], 0],
    ['one line', [row('a', 3, 100)], [['a', 300, true]], 300],
    [
      'keeps the order lines were added in',
      [row('z', 1, 100), row('a', 2, 50)],
      [
        ['z', 100, true],
        ['a', 100, true],
      ],
      200,
    ],
    ['more than available: priced, not in stock', [row('a', 5, 100, 2)], [['a', 500, false]], 500],
    [
      'no price: shown at 0, not buyable, outside the subtotal',
      [row('a', 1, 100), row('b', 2, null)],
      [
        ['a', 100, true],
        ['b', 0, false],
      ],
      100,
    ],
  ])('%s', (_name, rows, lines, subtotal) => expect(summary(rows)).toEqual({ lines, subtotal }));

  it('refuses a total beyond safe integers, as checkout does', () => {
    const big = 2 ** 51;
    expect(cartView('cart', [row('a', 3, big)]).subtotal.amount).toBe(3 * big);
    expect(() => cartView('cart', [row('a', 3, big), row('b', 3, big)])).toThrow(DomainError);
    expect(() => cartView('cart', [row('a', 5, big)])).toThrow(expect.objectContaining({ code: 'amount-too-large' }));
  });
});
