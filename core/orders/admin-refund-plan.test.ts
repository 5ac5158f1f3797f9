import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import { refundMove } from './admin-refund-plan.ts';

describe('refundMove', () => {
  it.each<[OrderStatus, 'refunded' | 'cancelled' | null]>([
    ['pending_payment', null],
    ['paid', 'cancelled'],
    ['packed', 'cancelled'],
    ['shipped', 'refunded'],
    ['out_for_delivery', 'refunded'],
    ['delivered', 'refunded'],
    ['cancelled', null],
    ['refunded', null],
  ])('%s → %s', (from, move) => {
    expect(refundMove(from)).toBe(move);
  });
});
