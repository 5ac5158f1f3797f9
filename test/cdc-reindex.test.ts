import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import type { Relay } from '../cdc/relay/relay.ts';
import type { Indexer } from '../cdc/indexer/indexer.ts';
import type { SearchClient } from '../cdc/search/client.ts';
import { aliasTargets } from '../cdc/search/indices.ts';
import { rebuildIndices } from '../cdc/search/rebuild.ts';
import { indexAliases } from '../openapi/internal/read-model.ts';
import {
  deleteProducts,
  esProduct,
  insertProducts,
  serviceLogger,
  startTestIndexer,
  startTestRelay,
  teardown,
  testEs,
  testSql,
  uniqueNames,
  waitFor,
  waitForConvergence,
} from './cdc-harness.ts';

// search:reindex rebuilds from Postgres into a new versioned index and swaps the alias while
// searches keep being answered and live changes keep flowing into the new index.
const names = uniqueNames('reidx');
const prefix = `cdcreidx-${names.slot.slice(-6)}`;
let sql: Sql;
let es: SearchClient;
let relay: Relay;
let indexer: Indexer;

beforeAll(async () => {
  sql = testSql();
  es = testEs();
  relay = await startTestRelay(names, { initialSnapshot: false });
  indexer = await startTestIndexer(names);
});

afterAll(async () => {
  await indexer?.stop();
  await relay?.stop();
  await deleteProducts(sql, prefix);
  await teardown(names);
  await sql.end();
  await es.close();
});

describe('search:reindex', () => {
  it('rebuilds every product into a new index and swaps the alias with zero downtime, keeping live changes', async () => {
    const [id] = await insertProducts(sql, prefix, 3);
    await waitFor('own product indexed in v1', async () => esProduct(es, names.indexPrefix, id!), 10_000);
    expect(await aliasTargets(es, names.indexPrefix, 'products')).toEqual([`${names.indexPrefix}-products-v1`]);

    const alias = indexAliases(names.indexPrefix).products;
    let searches = 0;
    const searchErrors: unknown[] = [];
    let rebuilding = true;
    const searcher = (async () => {
      while (rebuilding) {
        await es.search({ index: alias, size: 1, query: { match: { title: 'product' } } }).then(
          () => searches++,
          (e) => searchErrors.push(e),
        );
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const rebuild = rebuildIndices(es, sql, names.indexPrefix, serviceLogger('reindex'), { indexerPickupMs: 1500 });
    // A change made while the new index is being built must end up in it.
    await new Promise((r) => setTimeout(r, 2500));
    await sql`update products set title = 'Renamed during reindex' where id = ${id!}`;
    const result = await rebuild;
    rebuilding = false;
    await searcher;

    expect(searchErrors).toEqual([]);
    expect(searches).toBeGreaterThan(10);
    expect(result.products.index).toBe(`${names.indexPrefix}-products-v2`);
    expect(result.products.replaced).toEqual([`${names.indexPrefix}-products-v1`]);
    expect(await aliasTargets(es, names.indexPrefix, 'products')).toEqual([`${names.indexPrefix}-products-v2`]);
    expect(await es.indices.exists({ index: `${names.indexPrefix}-products-v1` })).toBe(false);
    const [{ n }] = (await sql`select count(*)::int as n from products`) as unknown as [{ n: number }];
    expect(result.products.documents).toBeGreaterThanOrEqual(n - 100);
    await waitFor('renamed product in the new index', async () => (await esProduct(es, names.indexPrefix, id!))?.title === 'Renamed during reindex', 10_000);
    await waitForConvergence(sql, es, names, undefined, 60_000);
  }, 180_000);
});
