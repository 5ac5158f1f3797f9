import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startEntry, startNodeEdge, startWorkerdEdge, type Running } from './support/servers.ts';
import { createContractChecker } from './support/contract.ts';
import { createCommerceClient } from '../openapi/sdk/index.ts';
import { ADDRESS } from './core-harness.ts';
import { teardown, testEs, testSql, uniqueNames, waitFor } from './cdc-harness.ts';
import { indexAliases } from '../openapi/internal/read-model.ts';

// The whole system through the edge, with the generated SDK as the client, under Node and under
// workerd: core, the CDC relay and the indexer run as child processes with this file's own
// ports, slot, publication, topics, consumer group and indices.
const names = uniqueNames('e2e');
const sql = testSql();
const es = testEs();
const productId = `e2e-${randomUUID().slice(0, 8)}`;
const PRICE = 1_999_900;
const running: Running[] = [];
const edges: Record<'node' | 'workerd', string> = { node: '', workerd: '' };

const productCount = async () => (await es.count({ index: indexAliases(names.indexPrefix).products }, { ignore: [404] })).count ?? 0;

beforeAll(async () => {
  await sql.begin(async (tx) => {
    await tx`insert into products ${tx({ id: productId, pid: `PID-${productId}`, title: `Samsung Galaxy E2E ${productId}`, brand: 'Samsung', category_path: ['Mobiles & Accessories', 'Mobiles'], description: 'End-to-end test phone', price_amount: PRICE, mrp_amount: 2_499_900 })}`;
    await tx`insert into inventory ${tx({ product_id: productId, on_hand: 50, reserved: 0 })}`;
  });
  const [{ n: catalogSize }] = await sql<[{ n: number }]>`select count(*)::int as n from products`;
  // every service logs at info into .test-logs/e2e-shopping-<service>.log, shown when a test fails
  const logged = { LOG_LEVEL: 'info' };
  const corePort = await freePort();
  const coreUrl = `http://127.0.0.1:${corePort}`;
  const [relayPort, indexerPort] = [await freePort(), await freePort()];
  running.push(await startEntry('core/main.ts', { ...logged, CORE_URL: coreUrl }, `${coreUrl}/health`));
  running.push(
    await startEntry(
      'cdc/relay/main.ts',
      { ...logged, CDC_SLOT: names.slot, CDC_PUBLICATION: names.publication, CDC_TOPIC_PREFIX: names.topicPrefix, RELAY_METRICS_PORT: String(relayPort) },
      `http://127.0.0.1:${relayPort}/health`,
    ),
  );
  running.push(
    await startEntry(
      'cdc/indexer/main.ts',
      {
        ...logged,
        CDC_INDEXER_GROUP: names.groupId,
        CDC_TOPIC_PREFIX: names.topicPrefix,
        SEARCH_INDEX_PREFIX: names.indexPrefix,
        INDEXER_METRICS_PORT: String(indexerPort),
      },
      `http://127.0.0.1:${indexerPort}/health`,
    ),
  );
  // The relay's initial snapshot must be indexed before a change can be timed.
  await waitFor('the initial snapshot in the test index', async () => (await productCount()) >= catalogSize, 240_000, 1000);
  const settings = { ...logged, CORE_URL: coreUrl, SEARCH_INDEX_PREFIX: names.indexPrefix };
  const node = await startNodeEdge(settings);
  const worker = await startWorkerdEdge(settings);
  running.push(node, worker);
  edges.node = node.url;
  edges.workerd = worker.url;
}, 400_000);

afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  await teardown(names);
  // Paid orders keep referencing the product; then it stays (its id never collides with the catalog's).
  await sql`delete from products where id = ${productId}`.catch(() => undefined);
  await es.close();
  await sql.end();
}, 120_000);

describe.each(['node', 'workerd'] as const)('shopping through the edge on %s', (runtime) => {
  it('register → search → product → cart edits → checkout → pay → paid; a SQL price change shows within 3 s; every response matches openapi.json', async () => {
    const contract = createContractChecker();
    let token: string | undefined;
    const api = createCommerceClient(edges[runtime], { fetch: contract.fetch, token: () => token });

    const reg = await api.POST('/auth/register', { body: { email: `e2e-${randomUUID()}@example.com`, password: 'correct horse battery' } });
    expect(reg.response.status).toBe(201);
    token = reg.data!.access_token;

    const found = await api.GET('/products/search_item', { params: { query: { query: 'samsung', size: 20 } } });
    expect(found.response.status).toBe(200);
    expect(found.data!.total).toBeGreaterThan(0);
    expect(found.data!.items.filter((i) => /samsung/i.test(`${i.brand} ${i.title}`)).length).toBeGreaterThan(10);

    const page = await api.GET('/products/{product_id}', { params: { path: { product_id: productId } } });
    expect(page.response.status).toBe(200);
    expect(page.data!.price?.amount).toBeGreaterThan(0);
    expect(page.data!.available).toBeGreaterThan(0);

    const path = { product_id: productId };
    const added = await api.POST('/cart/add_products', { body: { items: [{ product_id: productId, quantity: 1 }] } });
    expect(added.response.status).toBe(200);
    const changed = await api.PUT('/cart/items/{product_id}', { params: { path }, body: { quantity: 3 } });
    expect(changed.response.status).toBe(200);
    expect(changed.data!.items.find((l) => l.product_id === productId)?.quantity).toBe(3);
    const removed = await api.DELETE('/cart/items/{product_id}', { params: { path } });
    expect(removed.response.status).toBe(200);
    expect(removed.data!.items.some((l) => l.product_id === productId)).toBe(false);
    const again = await api.POST('/cart/add_products', { body: { items: [{ product_id: productId, quantity: 2 }] } });
    expect(again.response.status).toBe(200);

    const checkout = await api.POST('/checkout', { params: { header: { 'idempotency-key': randomUUID() } }, body: { shipping_address: ADDRESS } });
    expect(checkout.response.status, JSON.stringify(checkout.error)).toBe(201);
    const orderId = checkout.data!.order_id;
    const paid = await api.POST('/payment', {
      params: { header: { 'idempotency-key': randomUUID() } },
      body: { order_id: orderId, payment_method: 'tok_success' },
    });
    expect(paid.response.status, JSON.stringify(paid.error)).toBe(200);
    const status = await api.GET('/order_status', { params: { query: { order_id: orderId } } });
    expect(status.response.status).toBe(200);
    expect(status.data!.status).toBe('paid');

    // Warm the cache, change the price in Postgres, and watch the page follow through CDC.
    await api.GET('/products/{product_id}', { params: { path } });
    const newPrice = PRICE + (runtime === 'node' ? 100 : 200);
    await sql`update products set price_amount = ${newPrice}, updated_at = now() where id = ${productId}`;
    const changedAt = Date.now();
    let seen = 0;
    while (Date.now() - changedAt < 3000) {
      const r = await api.GET('/products/{product_id}', { params: { path } });
      seen = r.data?.price?.amount ?? 0;
      if (seen === newPrice) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    expect(seen).toBe(newPrice);

    expect(contract.failures()).toEqual([]);
    expect(contract.checked()).toBeGreaterThan(12);
  }, 120_000);
});
