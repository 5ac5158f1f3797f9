import { describe, expect, it } from 'vitest';
import { chunkRows, parseBulkCsv } from './bulk-csv.ts';

const HEADER = 'product_id,price_amount,mrp_amount,on_hand,delta,reason';

describe('parseBulkCsv', () => {
  it('reads good lines as rows numbered by their CSV line', () => {
    const csv = `${HEADER}\nabc,37900,99900,,,\ndef,,,25,,stock count\n\n"ghi",,,,-2,"damaged, in transit"\n`;
    expect(parseBulkCsv(csv)).toEqual({
      rows: [
        { line: 2, product_id: 'abc', price_amount: 37_900, mrp_amount: 99_900 },
        { line: 3, product_id: 'def', on_hand: 25, reason: 'stock count' },
        { line: 5, product_id: 'ghi', delta: -2, reason: 'damaged, in transit' },
      ],
      errors: [],
    });
  });

  it('reads a CRLF file with a byte order mark', () => {
    expect(parseBulkCsv(`\uFEFF${HEADER}\r\nabc,,,,4,\r\ndef,,,,5,\r\n`).rows.map((r) => [r.line, r.delta])).toEqual([
      [2, 4],
      [3, 5],
    ]);
  });

  it('takes the columns in any order, and only some of them', () => {
    expect(parseBulkCsv('delta,product_id\n3,abc\n')).toEqual({ rows: [{ line: 2, product_id: 'abc', delta: 3 }], errors: [] });
  });

  it.each([
    ['rupees instead of paise', 'abc,379.00,,,,', 'price_amount'],
    ['a negative price', 'abc,-5,,,,', 'price_amount'],
    ['a word for a number', 'abc,,,ten,,', 'on_hand'],
    ['no product id', ',100,200,,,', 'product_id'],
    ['a bad product id', 'a b,100,200,,,', 'product_id'],
    ['nothing to change', 'abc,,,,,just a reason', 'product_id'],
    ['on_hand and delta together', 'abc,,,5,1,', 'delta'],
    ['a zero delta', 'abc,,,,0,', 'delta'],
    ['too many cells', 'abc,1,2,3,,,extra', 'line'],
  ])('reports %s with its line number and field, keeping the good lines', (_name, bad, field) => {
    const { rows, errors } = parseBulkCsv(`${HEADER}\nok1,,,1,,\n${bad}\nok2,,,2,,\n`);
    expect(rows.map((r) => [r.line, r.product_id])).toEqual([
      [2, 'ok1'],
      [4, 'ok2'],
    ]);
    expect(errors).toEqual([{ line: 3, field, message: expect.any(String) }]);
  });

  it.each([
    ['an empty file', ''],
    ['an unknown column', 'product_id,price\nabc,1\n'],
    ['no product_id column', 'price_amount,mrp_amount\n1,2\n'],
    ['a repeated column', 'product_id,delta,delta\nabc,1,2\n'],
  ])('refuses %s as a whole', (_name, csv) => {
    const { rows, errors } = parseBulkCsv(csv);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, field: 'header', message: expect.stringContaining(HEADER) }]);
  });

  it('refuses a file that is not CSV (an unclosed quote) as a whole', () => {
    expect(parseBulkCsv(`${HEADER}\nabc,,,1,,\n"def,,,2,,\n`)).toEqual({
      rows: [],
      errors: [{ line: expect.any(Number), field: 'file', message: expect.stringContaining('not a CSV file') }],
    });
  });
});

describe('chunkRows', () => {
  const rows = Array.from({ length: 2500 }, (_, i) => ({
    line: i + 2,
    product_id: 'c2d766ca982eca8304150849735ffef9',
    price_amount: 123_456,
    mrp_amount: 234_567,
  }));

  it('keeps each chunk within the byte limit and the row limit, in order, losing nothing', () => {
    for (const [maxBytes, maxRows] of [
      [64_000, 1000],
      [1_000_000, 1000],
      [200, 1000],
    ] as const) {
      const chunks = chunkRows(rows, maxBytes, maxRows);
      expect(chunks.flat()).toEqual(rows);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(maxRows);
        if (c.length > 1) expect(Buffer.byteLength(JSON.stringify({ rows: c }))).toBeLessThanOrEqual(maxBytes);
      }
    }
    expect(chunkRows(rows, 1_000_000, 1000).map((c) => c.length)).toEqual([1000, 1000, 500]);
  });

  it('sends a row larger than the limit alone (the server answers for it)', () => {
    expect(chunkRows(rows.slice(0, 3), 10).map((c) => c.length)).toEqual([1, 1, 1]);
  });

  it('has no chunk for no rows', () => {
    expect(chunkRows([], 64_000)).toEqual([]);
  });
});
