import { describe, expect, it } from 'vitest';
import { touchedDocuments } from './changes.ts';
import type { Envelope, Op } from '../../openapi/internal/events.ts';

const ev = (table: string, op: Op, lsn: number, before: Record<string, unknown> | null, after: Record<string, unknown> | null): Envelope => ({
  op,
  before: before as Envelope['before'],
  after: after as Envelope['after'],
  ts_ms: 0,
  source: { connector: 'postgresql', db: 'd', schema: 'public', table, txId: 1, lsn, change_lsn: lsn, ts_ms: 0, ts_us: 0, snapshot: false },
});

describe('touchedDocuments', () => {
  it('maps products and reviews to the product documents, newest LSN winning', () => {
    const t = touchedDocuments([
      ev('products', 'u', 20, { id: 'a' }, { id: 'a' }),
      ev('inventory', 'u', 10, { product_id: 'a' }, { product_id: 'a' }),
      ev('inventory', 'r', 5, null, { product_id: 'b' }),
      ev('reviews', 'c', 30, null, { id: 'r1', product_id: 'c' }),
      ev('reviews', 'd', 40, { id: 'r2', product_id: 'a' }, null),
      ev('orders', 'c', 50, null, { id: 'o1' }),
    ]);
    expect([...t.products]).toEqual([
      ['a', 40],
      ['c', 30],
    ]);
    expect([...t.reviews]).toEqual([
      ['r1', 30],
      ['r2', 40],
    ]);
    expect(t.truncated).toBe(false);
  });

  it.each([
    [
      'an update',
      [ev('inventory', 'u', 10, { product_id: 'a', on_hand: 5, reserved: 1 }, { product_id: 'a', on_hand: 5, reserved: 2 })],
      [['a', { lsn: 10, available: 3 }]],
    ],
    ['a snapshot row, int8 as a string', [ev('inventory', 'r', 5, null, { product_id: 'b', on_hand: '7', reserved: 0 })], [['b', { lsn: 5, available: 7 }]]],
    ['over-reserved stock', [ev('inventory', 'u', 6, null, { product_id: 'a', on_hand: 1, reserved: 4 })], [['a', { lsn: 6, available: 0 }]]],
    ['a delete', [ev('inventory', 'd', 8, { product_id: 'a', on_hand: 5, reserved: 0 }, null)], [['a', { lsn: 8, available: 0 }]]],
    [
      'a moved row',
      [ev('inventory', 'u', 9, { product_id: 'a', on_hand: 5, reserved: 0 }, { product_id: 'b', on_hand: 5, reserved: 0 })],
      [
        ['a', { lsn: 9, available: 0 }],
        ['b', { lsn: 9, available: 5 }],
      ],
    ],
    [
      'the newest of several, whatever their order',
      [
        ev('inventory', 'u', 12, null, { product_id: 'a', on_hand: 5, reserved: 4 }),
        ev('inventory', 'u', 11, null, { product_id: 'a', on_hand: 5, reserved: 0 }),
      ],
      [['a', { lsn: 12, available: 1 }]],
    ],
  ])('turns inventory events into stock changes: %s', (_, events, stock) => {
    const t = touchedDocuments(events);
    expect([...t.stock]).toEqual(stock);
    expect(t.products.size).toBe(0);
  });

  it('follows a primary key change to both ids', () => {
    const t = touchedDocuments([ev('products', 'u', 7, { id: 'old' }, { id: 'new' })]);
    expect([...t.products.keys()]).toEqual(['old', 'new']);
  });

  it('flags truncates', () => {
    expect(touchedDocuments([ev('products', 't', 9, null, null)]).truncated).toBe(true);
  });
});
