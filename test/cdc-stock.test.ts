import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indexer } from '../cdc/indexer/indexer.ts';
import type { Relay } from '../cdc/relay/relay.ts';
import type { SearchClient } from '../cdc/search/client.ts';
import { config } from '../config/index.ts';
import { addLines, openCart } from '../core/cart/cart-store.ts';
import { checkoutRules, placeOrder } from '../core/checkout/place-order.ts';
import { createEdge } from '../edge/app.ts';
import { indexAliases, type ProductDocument } from '../openapi/internal/read-model.ts';
import type { ProductDetail } from '../openapi/schemas/product.ts';
import { startTestIndexer, startTestRelay, teardown, testEs, testSql, uniqueNames, waitFor } from './cdc-harness.ts';
import { serviceLog } from './support/test-logs.ts';

// Stock changes reach the product page through the live stock in Redis, not through the search
// document: a reservation that leaves units to buy does not touch Elasticsearch, the one that sells
// the last unit flips in_stock (and only then re-indexes). Real checkouts (core's own steps) against
// a private relay + indexer and an in-process edge reading that pipeline's index and Redis keys.
const names = uniqueNames('stock');
const run = randomUUID().slice(0, 8);
const productId = `cdcstock-${run}`;
const CDC_LAG_MS = 3000;
const ADDRESS = { name: 'Stock Tester', line1: '1 Test Street', city: 'Pune', state: 'Maharashtra', postal_code: '411001', country: 'IN' as const };

let sql: Sql;
let es: SearchClient;
let relay: Relay;
let indexer: Indexer;
let users: string[] = [];
const edge = createEdge({ ...config, SEARCH_INDEX_PREFIX: names.indexPrefix, LOG_LEVEL: 'error' }, { runtime: 'node', logSink: serviceLog('edge').write });

const page = async (): Promise<ProductDetail | null> => {
  const res = await edge.request(`/products/${productId}`);
  return res.status === 200 ? ((await res.json()) as ProductDetail) : null;
};

const docVersion = async () => {
  const r = await es.get<ProductDocument>({ index: indexAliases(names.indexPrefix).products, id: productId });
  return { version: r._version, seqNo: r._seq_no, inStock: r._source!.in_stock };
};

async function buyOne(userId: string): Promise<void> {
  await addLines(sql as never, await openCart(sql as never, { userId }), [{ product_id: productId, quantity: 1 }], config.CART_MAX_LINE_QUANTITY);
  await sql.begin((tx) => placeOrder(tx as never, userId, ADDRESS, checkoutRules(config)));
}

beforeAll(async () => {
  sql = testSql();
  es = testEs();
  relay = await startTestRelay(names, { initialSnapshot: false });
  indexer = await startTestIndexer(names);
  users = (
    await sql<{ id: string }[]>`
      insert into users ${sql([0, 1].map((i) => ({ email: `cdcstock-${run}-${i}@example.com`, password_hash: 'scrypt$1024$8$1$x$x' })))} returning id`
  ).map((u) => u.id);
  await sql.begin(async (tx) => {
    await tx`insert into products (id, pid, title, price_amount, mrp_amount) values (${productId}, ${productId}, 'Last Two Lanterns', 99900, 129900)`;
    await tx`insert into inventory (product_id, on_hand, reserved) values (${productId}, 2, 0)`;
  });
});

afterAll(async () => {
  await indexer?.stop();
  await relay?.stop();
  await sql`delete from orders where user_id in ${sql(users)}`;
  await sql`delete from carts where user_id in ${sql(users)}`;
  await sql`delete from products where id = ${productId}`;
  await sql`delete from users where id in ${sql(users)}`;
  await teardown(names);
  await sql.end();
  await es.close();
});

describe('stock on the product page', () => {
  it('shows a reservation without re-indexing, and a sell-out within the CDC lag', async () => {
    const first = await waitFor('product page', async () => ((await page())?.available === 2 ? page() : null), 2 * CDC_LAG_MS, 50);
    expect(first).toMatchObject({ in_stock: true, available: 2 });
    const before = await docVersion();

    await buyOne(users[0]!);
    await waitFor('one unit left on the page', async () => (await page())?.available === 1, CDC_LAG_MS, 50);
    // a cached page was retired by the indexer, not served until its TTL
    expect(await page()).toMatchObject({ in_stock: true, available: 1 });
    expect(await docVersion()).toEqual(before);

    const t0 = Date.now();
    await buyOne(users[1]!);
    await waitFor('sold out on the page', async () => (await page())?.available === 0, CDC_LAG_MS, 50);
    await waitFor('sold out in search', async () => (await page())?.in_stock === false, CDC_LAG_MS - (Date.now() - t0), 50);
    const after = await docVersion();
    expect(after.inStock).toBe(false);
    expect(after.seqNo).toBeGreaterThan(before.seqNo!);
  });
});
