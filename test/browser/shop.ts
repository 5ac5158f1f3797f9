import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { searchClient } from '../../cdc/search/client.ts';
import { dropIndices } from '../../cdc/search/indices.ts';
import { config } from '../../config/index.ts';
import { STOCK_AVAILABLE_FIELD, stockKeys } from '../../openapi/internal/read-model.ts';
import { type Core, startCore } from '../core-harness.ts';
import { loadCatalogSlice, seedProducts } from '../support/seed-index.ts';
import { type Running, startNodeEdge } from '../support/servers.ts';

// The shop the browser tests use: core in-process on the test database, a private search index
// built from the real catalog's Samsung products plus the first 300 others and one product of
// our own (so buying it never touches the catalog's stock) with its units in the stock projection
// the indexer would keep, and the edge on Node in front.
export type Shop = {
  url: string;
  core: Core;
  /** the edge's settings, for a second edge (workerd) on the same core and index */
  settings: Record<string, string>;
  product: { id: string; title: string };
  stop(): Promise<void>;
};

const ON_HAND = 50;

export async function startShop(): Promise<Shop> {
  const tag = randomUUID().slice(0, 8);
  const prefix = `browser-${tag}`;
  const product = { id: `test-browser-${tag}`, title: `Samsung Galaxy M14 5G Browser Edition ${tag}` };
  // every suite signs in from 127.0.0.1 into the same per-address counters: this core's limit leaves room for the others
  const core = await startCore({ SIGN_IN_ADDRESS_PER_MINUTE: 1000 });
  await core.sql`insert into products ${core.sql({
    ...product,
    pid: product.id,
    brand: 'Samsung',
    category_path: ['Mobiles & Accessories', 'Mobiles'],
    description: 'A phone the browser tests buy: 6.6 inch display, 6000 mAh battery.',
    specifications: core.sql.json([
      { key: 'Display', value: '6.6 inch' },
      { key: 'Battery', value: '6000 mAh' },
    ]),
    price_amount: 1_249_900,
    mrp_amount: 1_699_900,
    rating: 4.2,
  })}`;
  await core.sql`insert into inventory ${core.sql({ product_id: product.id, on_hand: ON_HAND })}`;
  const es = searchClient(config.ELASTICSEARCH_URL);
  // products of earlier runs stay while their orders reference them: leave them out of this index
  const slice = await loadCatalogSlice(core.sql, ['samsung'], 300);
  await seedProducts(
    es,
    prefix,
    slice.filter((d) => d.id === product.id || !d.id.startsWith('test-browser-')),
  );
  const redis = new Redis({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN });
  await redis.hset(stockKeys.product(prefix, product.id), { [STOCK_AVAILABLE_FIELD]: ON_HAND });
  // write limits of its own too: suites running beside it post from the same address
  const settings = { CORE_URL: core.url, SEARCH_INDEX_PREFIX: prefix, EDGE_RATE_LIMIT_PREFIX: `ratelimit:${prefix}`, LOG_LEVEL: 'info' };
  let edge: Running;
  try {
    edge = await startNodeEdge(settings);
  } catch (e) {
    await dropIndices(es, prefix);
    throw e;
  }
  return {
    url: edge.url,
    core,
    settings,
    product,
    async stop() {
      await edge.stop();
      await dropIndices(es, prefix);
      await redis.del(stockKeys.product(prefix, product.id));
      await es.close();
      // its orders keep referencing it; then it stays (migration 020 clears test-* products)
      await core.sql`delete from products where id = ${product.id}`.catch(() => undefined);
      await core.stop();
    },
  };
}
