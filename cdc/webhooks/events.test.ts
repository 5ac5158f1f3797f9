import { describe, expect, it } from 'vitest';
import type { Envelope, Op, Row } from '../../openapi/internal/events.ts';
import { orderEvent, triggerOf, type Trigger } from './events.ts';

const TS_MS = 1767261600123;
function envelope(table: string, op: Op, after: Row | null, before: Row | null = null, lsn = 123456): Envelope {
  return {
    before,
    after,
    op,
    ts_ms: TS_MS + 5,
    source: {
      connector: 'postgresql',
      db: 'commerce',
      schema: 'public',
      table,
      txId: 900,
      lsn,
      change_lsn: lsn - 8,
      ts_ms: TS_MS,
      ts_us: TS_MS * 1000,
      snapshot: op === 'r',
    },
  };
}
const orderRow = (status: string, over: Row = {}): Row => ({
  id: 4711,
  order_id: '0b5c9a4e-8a2f-4f0e-9d59-3f1f4f1b2c3d',
  status,
  reason: null,
  at: '2026-01-01T10:00:00.250Z',
  ...over,
});
const stock = (onHand: number, reserved: number): Row => ({ product_id: 'MOB1', on_hand: onHand, reserved, updated_at: '2026-01-01T10:00:00Z' });
const stockEvent = (type: string, available: number, onHand: number, reserved: number): Trigger => ({
  at: TS_MS,
  kind: 'stock',
  event: {
    id: 'evt_stock_MOB1_123456',
    type: type as 'product.low_stock',
    created: 1767261600,
    data: { product: { id: 'MOB1', available, on_hand: onHand, reserved } },
  },
});
const orderTrigger = (status: string, reason: string | null = null): Trigger => ({
  at: Date.parse('2026-01-01T10:00:00.250Z'),
  kind: 'order',
  change: {
    id: 'evt_order_4711',
    type: `order.${status}` as 'order.paid',
    created: 1767261600,
    orderId: '0b5c9a4e-8a2f-4f0e-9d59-3f1f4f1b2c3d',
    status: status as 'paid',
    at: '2026-01-01T10:00:00.250Z',
    reason,
  },
});

describe('triggerOf (threshold 5)', () => {
  it.each<[string, Envelope, Trigger | null]>([
    ['order paid', envelope('order_events', 'c', orderRow('paid')), orderTrigger('paid')],
    ['order shipped', envelope('order_events', 'c', orderRow('shipped')), orderTrigger('shipped')],
    ['order delivered', envelope('order_events', 'c', orderRow('delivered')), orderTrigger('delivered')],
    [
      'order cancelled with its reason',
      envelope('order_events', 'c', orderRow('cancelled', { reason: 'payment window expired' })),
      orderTrigger('cancelled', 'payment window expired'),
    ],
    ['order refunded', envelope('order_events', 'c', orderRow('refunded')), orderTrigger('refunded')],
    ['pending_payment is no event', envelope('order_events', 'c', orderRow('pending_payment')), null],
    ['packed is no event', envelope('order_events', 'c', orderRow('packed')), null],
    ['out_for_delivery is no event', envelope('order_events', 'c', orderRow('out_for_delivery')), null],
    ['a snapshot read of an old status is no event', envelope('order_events', 'r', orderRow('paid')), null],
    ['a deleted order_events row is no event', envelope('order_events', 'd', null, orderRow('paid')), null],
    ['a change of another table is no event', envelope('orders', 'c', orderRow('paid')), null],
    ['available 10 → 5: low stock', envelope('inventory', 'u', stock(10, 5), stock(10, 0)), stockEvent('product.low_stock', 5, 10, 5)],
    ['available 6 → 1: low stock', envelope('inventory', 'u', stock(6, 5), stock(6, 0)), stockEvent('product.low_stock', 1, 6, 5)],
    ['available 5 → 4: already low, no event', envelope('inventory', 'u', stock(5, 1), stock(5, 0)), null],
    ['available 10 → 6: still above', envelope('inventory', 'u', stock(10, 4), stock(10, 0)), null],
    ['available 3 → 0: out of stock', envelope('inventory', 'u', stock(3, 3), stock(3, 0)), stockEvent('product.out_of_stock', 0, 3, 3)],
    ['available 10 → 0 in one step: out of stock alone', envelope('inventory', 'u', stock(0, 0), stock(10, 0)), stockEvent('product.out_of_stock', 0, 0, 0)],
    ['available 0 → 0: no event', envelope('inventory', 'u', stock(2, 2), stock(1, 1)), null],
    ['a restock 0 → 20: no event', envelope('inventory', 'u', stock(20, 0), stock(0, 0)), null],
    ['an inventory insert: no event', envelope('inventory', 'c', stock(1, 0)), null],
    ['an inventory update without its old row: no event', envelope('inventory', 'u', stock(1, 0)), null],
    ['a snapshot read of low stock: no event', envelope('inventory', 'r', stock(1, 0)), null],
  ])('%s', (_, e, expected) => expect(triggerOf(e, 5)).toEqual(expected));

  it('the threshold is a setting', () => {
    expect(triggerOf(envelope('inventory', 'u', stock(10, 0), stock(30, 0)), 10)).toEqual(stockEvent('product.low_stock', 10, 10, 0));
    expect(triggerOf(envelope('inventory', 'u', stock(10, 0), stock(30, 0)), 9)).toBeNull();
  });

  it('a replayed change gives the same event id', () => {
    const e = envelope('inventory', 'u', stock(1, 0), stock(9, 0), 777);
    expect(triggerOf(structuredClone(e), 5)).toEqual(triggerOf(e, 5));
    expect((triggerOf(e, 5) as { event: { id: string } }).event.id).toBe('evt_stock_MOB1_777');
  });
});

describe('orderEvent', () => {
  it('adds the amount and nothing else of the order', () => {
    const t = orderTrigger('paid');
    if (t.kind !== 'order') throw new Error('order trigger expected');
    expect(orderEvent(t.change, { total_amount: 37900, currency: 'INR' })).toEqual({
      id: 'evt_order_4711',
      type: 'order.paid',
      created: 1767261600,
      data: {
        order: {
          id: '0b5c9a4e-8a2f-4f0e-9d59-3f1f4f1b2c3d',
          status: 'paid',
          total_amount: 37900,
          currency: 'INR',
          at: '2026-01-01T10:00:00.250Z',
          reason: null,
        },
      },
    });
  });
});
