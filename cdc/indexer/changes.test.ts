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
  it('maps products, inventory and reviews to the product documents, newest LSN winning', () => {
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
      ['b', 5],
      ['c', 30],
    ]);
    expect([...t.reviews]).toEqual([
      ['r1', 30],
      ['r2', 40],
    ]);
    expect(t.truncated).toBe(false);
  });

  it('follows a primary key change to both ids', () => {
    const t = touchedDocuments([ev('products', 'u', 7, { id: 'old' }, { id: 'new' })]);
    expect([...t.products.keys()]).toEqual(['old', 'new']);
  });

  it('flags truncates', () => {
    expect(touchedDocuments([ev('products', 't', 9, null, null)]).truncated).toBe(true);
  });
});
