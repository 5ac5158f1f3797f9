import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import { config } from '../config/index.ts';
import { tapTopics, groupCaughtUp, produceRaw, type IncomingMessage } from '../cdc/kafka.ts';
import type { Envelope } from '../openapi/internal/events.ts';
import type { Relay } from '../cdc/relay/relay.ts';
import type { Indexer } from '../cdc/indexer/indexer.ts';
import type { SearchClient } from '../cdc/search/client.ts';
import { cacheKeys, STOCK_AVAILABLE_FIELD, stockKeys } from '../openapi/internal/read-model.ts';
import { Redis } from '@upstash/redis';
import {
  deleteProducts,
  esProduct,
  indexDifferences,
  insertProducts,
  productTopics,
  startTestIndexer,
  startTestRelay,
  teardown,
  testEs,
  testSql,
  uniqueNames,
  waitFor,
  waitForConvergence,
} from './cdc-harness.ts';

// SQL changes made outside the app reach Kafka as Debezium envelopes and Elasticsearch as
// converged documents, through a private relay + indexer (no initial snapshot: own rows only).
const names = uniqueNames('pipe');
const prefix = `cdcpipe-${names.slot.slice(-6)}`;
let sql: Sql;
let es: SearchClient;
let relay: Relay;
let indexer: Indexer;
let tap: { messages: IncomingMessage[]; stop(): Promise<void> };
const redis = new Redis({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN });

const envelopes = (topicSuffix: string, pred: (e: Envelope) => boolean = () => true) =>
  tap.messages
    .filter((m) => m.topic.endsWith(topicSuffix) && m.value)
    .map((m) => ({ m, e: JSON.parse(m.value!) as Envelope }))
    .filter(({ e }) => pred(e));

beforeAll(async () => {
  sql = testSql();
  es = testEs();
  relay = await startTestRelay(names, { initialSnapshot: false });
  indexer = await startTestIndexer(names);
  tap = await tapTopics({ brokers: config.KAFKA_BROKERS, topics: productTopics(names) });
});

afterAll(async () => {
  await tap?.stop();
  await indexer?.stop();
  await relay?.stop();
  await deleteProducts(sql, prefix);
  await teardown(names);
  await sql.end();
  await es.close();
});

describe('CDC pipeline', () => {
  it('carries inserts, updates and deletes of products and inventory to Kafka and Elasticsearch within 3 s', async () => {
    const id = `${prefix}-crud`;
    await redis.hset(cacheKeys.product(names.indexPrefix, id), { page: 'stale' });
    const versionBefore = Number((await redis.get(cacheKeys.catalogVersion(names.indexPrefix))) ?? 0);

    const t0 = Date.now();
    await sql.begin(async (tx) => {
      await tx`insert into products (id, pid, title, brand, category_path, price_amount, mrp_amount, rating) values (${id}, 'PIDX', 'Trail Runner Shoe', 'Stride', ${['Footwear', 'Shoes']}, 249900, 299900, 4.5)`;
      await tx`insert into inventory (product_id, on_hand, reserved) values (${id}, 7, 2)`;
    });
    const created = await waitFor('insert indexed', async () => esProduct(es, names.indexPrefix, id), 3000 - (Date.now() - t0), 50);
    expect(created).toMatchObject({
      id,
      title: 'Trail Runner Shoe',
      brand: 'Stride',
      category: 'Footwear',
      price: 249900,
      mrp: 299900,
      discount_percent: 17,
      rating: 4.5,
      in_stock: true,
    });
    await waitFor('stock written', async () => Number(await redis.hget(stockKeys.product(names.indexPrefix, id), STOCK_AVAILABLE_FIELD)) === 5, 1000, 50);

    const [insert] = envelopes('.products', (e) => e.after?.id === id && e.op === 'c');
    expect(insert!.m.key).toBe(JSON.stringify({ id }));
    expect(insert!.e).toMatchObject({
      before: null,
      op: 'c',
      after: {
        id,
        pid: 'PIDX',
        title: 'Trail Runner Shoe',
        category_path: ['Footwear', 'Shoes'],
        price_amount: 249900,
        rating: '4.5',
        currency: 'INR',
        specifications: [],
      },
      source: { schema: 'public', table: 'products', connector: 'postgresql', snapshot: false },
    });
    expect(typeof insert!.e.source.lsn).toBe('number');
    expect(insert!.e.source.txId).toBeGreaterThan(0);
    expect(insert!.e.ts_ms).toBeGreaterThanOrEqual(insert!.e.source.ts_ms);
    expect(insert!.e.ts_ms - insert!.e.source.ts_ms).toBeLessThan(3000);
    const [invInsert] = envelopes('.inventory', (e) => e.after?.product_id === id);
    expect(invInsert!.m.key).toBe(JSON.stringify({ product_id: id }));
    expect(invInsert!.e.source.lsn).toBe(insert!.e.source.lsn);

    // The product's cache hash is gone and the catalog version moved on.
    await waitFor('cache invalidated', async () => (await redis.exists(cacheKeys.product(names.indexPrefix, id))) === 0, 3000, 50);
    expect(Number(await redis.get(cacheKeys.catalogVersion(names.indexPrefix)))).toBeGreaterThan(versionBefore);

    const t1 = Date.now();
    await sql`update inventory set reserved = 7 where product_id = ${id}`;
    await sql`update products set price_amount = 199900, updated_at = now() where id = ${id}`;
    await waitFor(
      'updates indexed',
      async () => {
        const d = await esProduct(es, names.indexPrefix, id);
        const units = await redis.hget(stockKeys.product(names.indexPrefix, id), STOCK_AVAILABLE_FIELD);
        return d && d.price === 199900 && d.in_stock === false && Number(units) === 0;
      },
      3000 - (Date.now() - t1),
      50,
    );
    const [invUpdate] = envelopes('.inventory', (e) => e.op === 'u' && e.after?.product_id === id);
    expect(invUpdate!.e.before).toMatchObject({ on_hand: 7, reserved: 2 });
    expect(invUpdate!.e.after).toMatchObject({ on_hand: 7, reserved: 7 });
    const [prodUpdate] = envelopes('.products', (e) => e.op === 'u' && e.after?.id === id);
    expect(prodUpdate!.e.before).toMatchObject({ price_amount: 249900 });
    expect(prodUpdate!.e.source.lsn).toBeGreaterThan(invUpdate!.e.source.lsn);

    const t2 = Date.now();
    await sql`delete from products where id = ${id}`; // cascades to inventory
    await waitFor('delete indexed', async () => (await esProduct(es, names.indexPrefix, id)) === null, 3000 - (Date.now() - t2), 50);
    const [del] = envelopes('.products', (e) => e.op === 'd' && e.before?.id === id);
    expect(del!.e).toMatchObject({ after: null, before: { id, title: 'Trail Runner Shoe' } });
    expect(envelopes('.inventory', (e) => e.op === 'd' && e.before?.product_id === id)).toHaveLength(1);
  });

  it('does not let a redelivered old message regress a document', async () => {
    const [id] = await insertProducts(sql, `${prefix}-redeliver`, 1);
    await waitFor('indexed', async () => esProduct(es, names.indexPrefix, id!), 10_000);
    await sql`update products set title = 'Old title' where id = ${id!}`;
    await sql`update products set title = 'New title' where id = ${id!}`;
    // The document can read 'New title' before the second event is indexed (the indexer
    // re-reads Postgres), so take its version only once the indexer consumed everything.
    await waitFor('new title', async () => (await esProduct(es, names.indexPrefix, id!))?.title === 'New title', 10_000);
    await waitFor('indexer caught up', () => groupCaughtUp(config.KAFKA_BROKERS, names.groupId, productTopics(names)), 10_000, 200);
    await es.indices.refresh({ index: `${names.indexPrefix}-products` });
    const latest = (await esProduct(es, names.indexPrefix, id!))!;
    const old = await waitFor(
      'old envelope in Kafka',
      async () => envelopes('.products', (e) => e.after?.title === 'Old title' && e.after?.id === id)[0],
      5000,
    );

    // Replay the old event, even with a forged newer ts; the version is the commit LSN.
    await produceRaw(config.KAFKA_BROKERS, [{ topic: old.m.topic, key: old.m.key, value: old.m.value! }]);
    await waitFor('indexer caught up', () => groupCaughtUp(config.KAFKA_BROKERS, names.groupId, productTopics(names)), 10_000, 200);
    await es.indices.refresh({ index: `${names.indexPrefix}-products` });
    const after = await esProduct(es, names.indexPrefix, id!);
    expect(after).toMatchObject({ title: 'New title', _version: latest._version });
    expect(await indexDifferences(sql, es, names.indexPrefix, [id!])).toEqual([]);
  });

  it('delivers a 1,000-row transaction complete and in order', async () => {
    const ids = await insertProducts(sql, `${prefix}-bulk`, 1000);
    const rows = await waitFor(
      '1,000 inserts in Kafka',
      async () => {
        const got = envelopes('.products', (e) => e.op === 'c' && String(e.after?.id).startsWith(`${prefix}-bulk-`));
        return got.length >= 1000 ? got : null;
      },
      15_000,
    );
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.e.source.txId)).size).toBe(1);
    expect(new Set(rows.map((r) => r.e.source.lsn)).size).toBe(1);
    expect(new Set(rows.map((r) => r.e.after!.id))).toEqual(new Set(ids));
    // Inserted in id order within the transaction: change LSNs follow it, and each partition holds its share in that order.
    const byLsn = [...rows].sort((a, b) => a.e.source.change_lsn! - b.e.source.change_lsn!);
    const order = new Map(ids.map((id, i) => [id, i]));
    const positions = byLsn.map((r) => order.get(String(r.e.after!.id))!);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const p of new Set(rows.map((r) => r.m.partition))) {
      const inPartition = rows.filter((r) => r.m.partition === p).sort((a, b) => Number(a.m.offset) - Number(b.m.offset));
      const lsns = inPartition.map((r) => r.e.source.change_lsn!);
      expect(lsns).toEqual([...lsns].sort((a, b) => a - b));
    }
    await waitForConvergence(sql, es, names, ids, 30_000);
  });
  it('carries a transaction larger than a Kafka request may be (over 8 MB per partition)', async () => {
    // 2,000 rows with 16 KB descriptions: about 32 MB of change events in one transaction
    const ids = Array.from({ length: 2000 }, (_, i) => `${prefix}-large-${i}`);
    const description = (i: number) => `${i} `.padEnd(16 * 1024, 'lorem ipsum dolor sit amet ');
    await sql.begin(async (tx) => {
      for (let i = 0; i < ids.length; i += 250) {
        const chunk = ids.slice(i, i + 250);
        await tx`insert into products ${tx(chunk.map((id, j) => ({ id, pid: `PID-${id}`, title: `Large ${id}`, description: description(i + j), price_amount: 100, mrp_amount: 100 })))}`;
        await tx`insert into inventory ${tx(chunk.map((id) => ({ product_id: id, on_hand: 1, reserved: 0 })))}`;
      }
    });
    const rows = await waitFor(
      '2,000 large inserts in Kafka',
      async () => {
        const got = envelopes('.products', (e) => e.op === 'c' && String(e.after?.id).startsWith(`${prefix}-large-`));
        return got.length >= ids.length ? got : null;
      },
      60_000,
      200,
    );
    expect(new Set(rows.map((r) => r.e.after!.id))).toEqual(new Set(ids));
    expect(rows.every((r) => String(r.e.after!.description).length === 16 * 1024)).toBe(true);
    await waitForConvergence(sql, es, names, ids, 60_000);
  }, 120_000);
});
