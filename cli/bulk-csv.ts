import { parse } from 'csv-parse/sync';
import { fieldErrors } from '../openapi/problem.ts';
import { BulkRowSchema, MAX_BULK_ROWS, type BulkRow } from '../openapi/schemas/admin-catalog.ts';

// The stock and price CSV of `npm run admin:bulk` (pure): its header, its lines as bulk rows
// (each checked with the API's own row schema, so a malformed line is reported here with its
// line number and never sent), and the chunks they travel in.
//
//   product_id,price_amount,mrp_amount,on_hand,delta,reason
//   c2d766ca982eca8304150849735ffef9,37900,99900,,,
//   7f7036a6d550aaa89d34c77bd39a5e48,,,25,,stock count
//   7f7036a6d550aaa89d34c77bd39a5e48,,,,-2,damaged in transit
//
// Amounts are integer paise; on_hand sets the units on hand, delta adds (or removes) units; an
// empty cell leaves that value as it is. Columns may come in any order; product_id is required.

export const CSV_COLUMNS = ['product_id', 'price_amount', 'mrp_amount', 'on_hand', 'delta', 'reason'] as const;
const INTEGER_COLUMNS = new Set(['price_amount', 'mrp_amount', 'on_hand', 'delta']);

export type LineError = { line: number; field: string; message: string };
export type ParsedCsv = { rows: BulkRow[]; errors: LineError[] };
type CsvRecord = { record: string[]; info: { lines: number } };

/** A cell as the API takes it: blank → absent, integers as numbers (anything else is left for the schema to refuse). */
function cell(column: string, raw: string | undefined): unknown {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  if (INTEGER_COLUMNS.has(column) && /^-?\d+$/.test(text)) return Number(text);
  return text;
}

export function parseBulkCsv(text: string): ParsedCsv {
  let records: CsvRecord[];
  try {
    // csv-parse's types do not model `info: true`, which wraps each record with its position
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as CsvRecord[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { rows: [], errors: [{ line: err.lines ?? 1, field: 'file', message: `not a CSV file: ${err.message}` }] };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], errors: [{ line: 1, field: 'header', message: `empty file; the header is ${CSV_COLUMNS.join(',')}` }] };
  const header = head.record.map((h) => h.trim());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0 || !header.includes('product_id') || new Set(header).size !== header.length) {
    const message = `expected the columns ${CSV_COLUMNS.join(',')} (product_id required, no repeats)${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`;
    return { rows: [], errors: [{ line: head.info.lines, field: 'header', message }] };
  }
  const rows: BulkRow[] = [];
  const errors: LineError[] = [];
  for (const { record, info } of body) {
    // info.lines is the line the record ends on: a quoted cell may span lines
    const line = info.lines;
    if (record.length > header.length) {
      errors.push({ line, field: 'line', message: `${record.length} cells, the header has ${header.length}` });
      continue;
    }
    const candidate = Object.fromEntries([['line', line], ...header.map((h, i) => [h, cell(h, record[i])])].filter(([, v]) => v !== undefined));
    const parsed = BulkRowSchema.safeParse(candidate);
    if (parsed.success) rows.push(parsed.data);
    else errors.push(...fieldErrors(parsed.error.issues).map((e) => ({ line, ...e })));
  }
  return { rows, errors };
}

/**
 * Rows in request-sized chunks: at most MAX_BULK_ROWS each, and at most `maxBytes` of JSON body
 * (core takes 64 KB bodies; a catalog line is ~110 bytes, so ~500 lines a request).
 */
export function chunkRows(rows: readonly BulkRow[], maxBytes: number, maxRows = MAX_BULK_ROWS): BulkRow[][] {
  const envelope = Buffer.byteLength(JSON.stringify({ rows: [] }));
  const chunks: BulkRow[][] = [];
  let current: BulkRow[] = [];
  let bytes = envelope;
  for (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(row)) + 1; // and its comma
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = envelope;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
