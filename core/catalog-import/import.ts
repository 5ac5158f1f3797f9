import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import type { Sql } from 'postgres';
import { initialStock } from './initial-stock.ts';
import { parseCatalogRecord, type CatalogRow } from './parse-row.ts';

// Streams the catalog CSV (plain, or gzip when the name ends in .gz) into products and inventory in batches. Upserts by id and only
// touches rows whose content differs, so re-running an import changes nothing. Stock is
// operational state: it is set for new products only, never reset by a re-import.

export type RejectedRow = { line: number; reason: string };
export type ImportSummary = { read: number; inserted: number; updated: number; unchanged: number; rejected: RejectedRow[] };
export type ImportOptions = { seed: number; batchSize?: number; onProgress?: (linesRead: number) => void; onReject?: (r: RejectedRow) => void };

const COLUMNS = [
  'id',
  'pid',
  'title',
  'brand',
  'category_path',
  'description',
  'image_urls',
  'specifications',
  'price_amount',
  'mrp_amount',
  'rating',
] as const;

/**
 * The catalog CSV's records with the line each starts on (a quoted field may span lines). Opened
 * first so a missing or unreadable file rejects here; a read or gunzip error later destroys the
 * parser with that error, so the loop throws it — hence the empty pipeline callback.
 */
export async function* catalogRecords(csvPath: string): AsyncGenerator<{ record: Record<string, string>; line: number }> {
  const input = (await open(csvPath)).createReadStream();
  const parser = parse({ columns: true, info: true, relax_column_count: true, skip_empty_lines: true, bom: true });
  const stages = csvPath.endsWith('.gz') ? [input, createGunzip(), parser] : [input, parser];
  pipeline(stages, () => {});
  let lastLine = 1; // the header
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    const line = lastLine + 1;
    lastLine = info.lines;
    yield { record, line };
  }
}

export async function importCatalog(sql: Sql, csvPath: string, opts: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [] };
  const seen = new Set<string>();
  const batchSize = opts.batchSize ?? 500;
  let batch: CatalogRow[] = [];
  const reject = (r: RejectedRow) => {
    summary.rejected.push(r);
    opts.onReject?.(r);
  };

  for await (const { record, line } of catalogRecords(csvPath)) {
    summary.read++;
    const parsed = parseCatalogRecord(record);
    if (!parsed.ok) reject({ line, reason: parsed.reason });
    else if (seen.has(parsed.row.id)) reject({ line, reason: `duplicate id ${parsed.row.id}` });
    else {
      seen.add(parsed.row.id);
      batch.push(parsed.row);
    }
    if (batch.length >= batchSize) {
      await writeBatch(sql, batch, opts.seed, summary);
      batch = [];
    }
    opts.onProgress?.(line);
  }
  if (batch.length) await writeBatch(sql, batch, opts.seed, summary);
  return summary;
}

async function writeBatch(sql: Sql, rows: CatalogRow[], seed: number, summary: ImportSummary): Promise<void> {
  const values = rows.map((r) => ({ ...r, specifications: sql.json(r.specifications) }));
  await sql.begin(async (tx) => {
    const changed = await tx<{ inserted: boolean }[]>`
      insert into products ${tx(values as never, COLUMNS)}
      on conflict (id) do update set
        pid = excluded.pid, title = excluded.title, brand = excluded.brand,
        category_path = excluded.category_path, description = excluded.description,
        image_urls = excluded.image_urls, specifications = excluded.specifications,
        price_amount = excluded.price_amount, mrp_amount = excluded.mrp_amount,
        rating = excluded.rating, updated_at = now()
      where (products.pid, products.title, products.brand, products.category_path, products.description,
             products.image_urls, products.specifications, products.price_amount, products.mrp_amount, products.rating)
        is distinct from
            (excluded.pid, excluded.title, excluded.brand, excluded.category_path, excluded.description,
             excluded.image_urls, excluded.specifications, excluded.price_amount, excluded.mrp_amount, excluded.rating)
      returning (xmax = 0) as inserted`;
    const inserted = changed.filter((c) => c.inserted).length;
    summary.inserted += inserted;
    summary.updated += changed.length - inserted;
    summary.unchanged += rows.length - changed.length;
    const stock = rows.map((r) => ({ product_id: r.id, on_hand: initialStock(seed, r.id, r.price_amount !== null) }));
    await tx`insert into inventory ${tx(stock, 'product_id', 'on_hand')} on conflict (product_id) do nothing`;
  });
}
