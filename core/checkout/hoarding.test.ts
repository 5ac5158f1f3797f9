import { describe, expect, it } from 'vitest';
import { hoardingRefusal } from './hoarding.ts';

describe('hoardingRefusal', () => {
  const limits = { maxUnpaidOrders: 3, maxUnitsPerProduct: 10 };
  const line = (product_id: string, quantity: number) => ({ product_id, quantity });
  it.each([
    ['within both caps', [line('a', 10), line('b', 1)], 2, null],
    ['no unpaid orders yet', [line('a', 1)], 0, null],
    ['the cap of unpaid orders reached', [line('a', 1)], 3, 'too-many-unpaid-orders'],
    ['beyond the cap of unpaid orders', [line('a', 1)], 7, 'too-many-unpaid-orders'],
    ['one unit over on one product', [line('a', 11), line('b', 10)], 0, 'order-quantity-limit'],
    ['unpaid orders are named before quantities', [line('a', 50)], 3, 'too-many-unpaid-orders'],
  ])('%s', (_n, lines, unpaid, expected) => expect(hoardingRefusal(lines, unpaid, limits)?.code ?? null).toBe(expected));

  it('lists every line over the cap', () => {
    expect(hoardingRefusal([line('a', 11), line('b', 2), line('c', 12)], 0, limits)?.details).toEqual({
      lines: [
        { product_id: 'a', requested: 11 },
        { product_id: 'c', requested: 12 },
      ],
      limit: 10,
    });
  });
});
