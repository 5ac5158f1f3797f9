import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indexer } from '../cdc/indexer/indexer.ts';
import type { Relay } from '../cdc/relay/relay.ts';
import { createCommerceClient, type CommerceClient } from '../openapi/sdk/index.ts';
import { startTestIndexer, startTestRelay, teardown, uniqueNames, waitFor } from './cdc-harness.ts';
import { makeUsers, startCore, type Core, type TestUser } from './core-harness.ts';
import { createContractChecker } from './support/contract.ts';
import { startNodeEdge, type Running } from './support/servers.ts';

// An operator's changes reach shoppers through CDC: a product created and repriced through the
// admin API (via the Node edge, with the SDK) shows its new price on the product page and in
// search within 3 s; archived, it leaves search and its page answers 404, and unarchived it comes
// back. Core in-process, a private relay (no initial snapshot) and indexer, and an edge reading
// that pipeline's index.
const names = uniqueNames('admcat');
const CDC_LAG_MS = 3000;
const brand = `Opbrand${randomUUID().slice(0, 8)}`;
const productId = `cdcadmin-${randomUUID()}`;

let core: Core;
let relay: Relay;
let indexer: Indexer;
let edge: Running;
let operator: TestUser;
let api: CommerceClient;
const contract = createContractChecker();

beforeAll(async () => {
  core = await startCore();
  relay = await startTestRelay(names, { initialSnapshot: false });
  indexer = await startTestIndexer(names);
  // own write-limit buckets: other suites writing from this address at the same time do not count here
  edge = await startNodeEdge({
    CORE_URL: core.url,
    SEARCH_INDEX_PREFIX: names.indexPrefix,
    EDGE_RATE_LIMIT_PREFIX: `ratelimit:${names.indexPrefix}`,
    LOG_LEVEL: 'error',
  });
  [operator] = (await makeUsers(core.sql, 1, 'catalog')) as [TestUser];
  api = createCommerceClient(edge.url, { fetch: contract.fetch, token: () => operator.token, retry: false });
}, 60_000);

afterAll(async () => {
  await edge?.stop();
  await indexer?.stop();
  await relay?.stop();
  await core.sql`delete from audit_log where actor_id = ${operator.id}`;
  await core.sql`delete from products where id = ${productId}`;
  await core.sql`delete from users where id = ${operator.id}`;
  await core.stop();
  await teardown(names);
}, 60_000);

const pagePrice = async (): Promise<number | null | 'gone'> => {
  const r = await api.GET('/products/{product_id}', { params: { path: { product_id: productId } } });
  if (r.response.status === 404) return 'gone';
  return r.data?.price?.amount ?? null;
};
const searchPrices = async (): Promise<number[]> => {
  const r = await api.GET('/products/search_item', { params: { query: { brand: [brand], size: 10 } } });
  return (r.data?.items ?? []).filter((i) => i.id === productId).map((i) => i.price?.amount ?? -1);
};

/** Polls until `done`; answers the milliseconds it took. */
async function lag(what: string, done: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  await waitFor(what, done, CDC_LAG_MS * 3, 25);
  return Date.now() - t0;
}

describe('operator changes through CDC', () => {
  it('create → reprice shows on the product page and in search within 3 s; archive → gone from search, page 404; unarchive → back', async () => {
    const created = await api.POST('/admin/products', {
      body: { id: productId, title: 'Operator Lantern', brand, category_path: ['Home', 'Lighting'], price_amount: 129_900, mrp_amount: 149_900, on_hand: 4 },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    const createLag = await lag(
      'the new product on its page and in search',
      async () => (await pagePrice()) === 129_900 && (await searchPrices())[0] === 129_900,
    );

    const repriced = await api.PUT('/admin/products/{product_id}/price', {
      params: { path: { product_id: productId } },
      body: { price_amount: 99_900, mrp_amount: 149_900 },
    });
    expect(repriced.response.status, JSON.stringify(repriced.error)).toBe(200);
    const priceLag = await lag('the new price on the page and in search', async () => (await pagePrice()) === 99_900 && (await searchPrices())[0] === 99_900);

    const archived = await api.POST('/admin/products/{product_id}/archive', { params: { path: { product_id: productId } } });
    expect(archived.response.status, JSON.stringify(archived.error)).toBe(200);
    const archiveLag = await lag(
      'the archived product gone from search and its page',
      async () => (await searchPrices()).length === 0 && (await pagePrice()) === 'gone',
    );

    const unarchived = await api.POST('/admin/products/{product_id}/unarchive', { params: { path: { product_id: productId } } });
    expect(unarchived.response.status, JSON.stringify(unarchived.error)).toBe(200);
    const backLag = await lag(
      'the unarchived product back in search and on its page',
      async () => (await pagePrice()) === 99_900 && (await searchPrices())[0] === 99_900,
    );

    console.log(`admin → CDC → edge lag: created ${createLag} ms, price (page and search) ${priceLag} ms, archived ${archiveLag} ms, unarchived ${backLag} ms`);
    expect(priceLag).toBeLessThan(CDC_LAG_MS);
    expect(archiveLag).toBeLessThan(CDC_LAG_MS);
    expect(contract.failures()).toEqual([]);
  }, 60_000);
});
