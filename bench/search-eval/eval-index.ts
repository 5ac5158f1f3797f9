import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import type { SearchClient } from '../../cdc/search/client.ts';
import { dropIndices } from '../../cdc/search/indices.ts';
import { allProducts } from '../../cdc/search/load.ts';
import { config } from '../../config/index.ts';
import { catalogRecords } from '../../core/catalog-import/import.ts';
import { indexDefinitions } from '../../cdc/search/mappings.ts';
import { withSuggest } from '../../cdc/search/suggest.ts';
import type { ProductDocument } from '../../openapi/internal/read-model.ts';
import { seedProducts } from '../../test/support/seed-index.ts';

// The judged catalog (the products of the shipped CSV, as one database holds them: an operator's
// or a test's own products are left out, as no judgment knows them) indexed with the mappings and documents in the code, under a
// prefix of its own named by the database and a hash of both: reused while the code is unchanged
// (building takes ~40 s on two busy cores), and never the index `npm start` serves. The evaluator
// (served database) and the relevance test (the tests' database) keep one each.
const PREFIX_HEAD = 'search-eval';

async function catalog(sql: Sql): Promise<ProductDocument[]> {
  const shipped = new Set<string>();
  for await (const { record } of catalogRecords(config.catalogCsv)) if (record.id) shipped.add(record.id);
  const docs: ProductDocument[] = [];
  for await (const page of allProducts(sql)) docs.push(...page.filter((d) => shipped.has(d.id)));
  return docs;
}

const fingerprint = (sample: ProductDocument) =>
  createHash('sha256')
    .update(JSON.stringify([indexDefinitions.products, withSuggest(sample)]))
    .digest('hex')
    .slice(0, 12);

async function count(es: SearchClient, alias: string): Promise<number | null> {
  const res = await es.count({ index: alias }, { ignore: [404] });
  return typeof res.count === 'number' ? res.count : null;
}

/** The alias of an evaluation index holding the current catalog of `database`, built when missing or stale. */
export async function ensureEvalIndex(es: SearchClient, sql: Sql, database: string): Promise<{ alias: string; built: boolean }> {
  const docs = await catalog(sql);
  if (docs.length === 0) throw new Error('the catalog is empty: run npm run catalog:import first');
  const head = `${PREFIX_HEAD}-${database.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const prefix = `${head}-${fingerprint(docs[0]!)}`;
  const alias = `${prefix}-products`;
  if ((await count(es, alias)) === docs.length) return { alias, built: false };
  const stale = await es.cat.indices({ index: `${head}-*`, format: 'json', h: 'index' });
  for (const other of new Set(stale.map((r) => (r.index ?? '').replace(/-(products|reviews)-v\d+$/, '')))) if (other) await dropIndices(es, other);
  await seedProducts(es, prefix, docs);
  return { alias, built: true };
}
