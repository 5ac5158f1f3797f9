import { describe, expect, it } from 'vitest';
import { desiredMembers, sameMembers, tableList, type PublicationMember, type TableShape } from './publication.ts';

const orders: TableShape = { table: 'orders', columns: ['id', 'status', 'shipping_address', 'total_amount'], replicaIdentity: 'd' };
const products: TableShape = { table: 'products', columns: ['id', 'title'], replicaIdentity: 'f' };
const withheld = { orders: ['shipping_address'], payments: ['token'] };

describe('desiredMembers', () => {
  it.each([
    ['a table without withheld columns publishes every column (null: also those added later)', [products], [{ table: 'products', columns: null }]],
    ['withheld columns are left out of the list, order kept', [orders], [{ table: 'orders', columns: ['id', 'status', 'total_amount'] }]],
    [
      'a withheld name the table does not have changes nothing',
      [{ table: 'payments', columns: ['id', 'status'], replicaIdentity: 'f' }],
      [{ table: 'payments', columns: null }],
    ],
    ['no tables, no members', [], []],
  ] as [string, TableShape[], PublicationMember[]][])('%s', (_name, shapes, expected) => {
    expect(desiredMembers(shapes, withheld)).toEqual(expected);
  });

  it('refuses to withhold a column of a REPLICA IDENTITY FULL table (Postgres would refuse its updates)', () => {
    expect(() => desiredMembers([{ ...orders, replicaIdentity: 'f' }], withheld)).toThrow(/public\.orders has REPLICA IDENTITY FULL.*shipping_address/);
  });

  it('withholds the shipping address and the payment token by default', () => {
    const shapes: TableShape[] = [orders, { table: 'payments', columns: ['id', 'token', 'status'], replicaIdentity: 'd' }];
    expect(desiredMembers(shapes).map((m) => m.columns)).toEqual([
      ['id', 'status', 'total_amount'],
      ['id', 'status'],
    ]);
  });
});

describe('sameMembers', () => {
  const want: PublicationMember[] = [
    { table: 'products', columns: null },
    { table: 'orders', columns: ['id', 'status'] },
  ];
  it.each([
    ['same members in another order', [...want].reverse(), true],
    ['a table missing', want.slice(0, 1), false],
    ['an extra table', [...want, { table: 'payments', columns: null }], false],
    ['every column instead of a list (the state before redaction)', [want[0]!, { table: 'orders', columns: null }], false],
    ['another column list', [want[0]!, { table: 'orders', columns: ['id', 'status', 'shipping_address'] }], false],
    ['a list instead of every column', [{ table: 'products', columns: ['id'] }, want[1]!], false],
  ] as [string, PublicationMember[], boolean][])('%s → %s', (_name, current, expected) => {
    expect(sameMembers(want, current)).toBe(expected);
  });
});

describe('tableList', () => {
  it('names tables with their schema and quotes listed columns', () => {
    expect(
      tableList([
        { table: 'products', columns: null },
        { table: 'orders', columns: ['id', 'status'] },
      ]),
    ).toBe('public."products", public."orders" ("id", "status")');
  });
});
