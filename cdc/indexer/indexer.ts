import { topicFor, type Envelope } from '../../openapi/internal/events.ts';
import { startEventConsumer, type EventConsumer } from '../consumer/consumer.ts';
import { cdcSql } from '../db.ts';
import type { Logger } from '../log.ts';
import { serveMetrics } from '../metrics/server.ts';
import { searchClient, type SearchClient } from '../search/client.ts';
import { ensureIndices, aliasIndices } from '../search/indices.ts';
import { aliasFor, buildingAliasFor } from '../search/index-names.ts';
import { writeVersioned, type VersionedOp } from '../search/bulk.ts';
import { loadProducts, loadReviews } from '../search/load.ts';
import { withSuggest } from '../search/suggest.ts';
import { SCHEMA } from '../tables.ts';
import type { IndexKind } from '../search/mappings.ts';
import { touchedDocuments } from './changes.ts';
import { indexerRedis } from './cache.ts';
import { seedStockOnce } from './seed-stock.ts';
import { inStockFlipped } from './stock.ts';
import { waitUntilVisible } from '../consumer/visibility.ts';
import { indexerMetrics } from './metrics.ts';
import type { IndexerSettings } from './settings.ts';

// The indexer = the consumer skeleton (consumer/) + this handler: change events → the live stock
// in Redis → re-read the touched documents (and those whose in_stock flipped) from Postgres →
// versioned bulk writes → cache invalidation; the skeleton commits the offsets after that, so a
// crash anywhere replays the batch and converges to the same documents and stock.

export type Indexer = { stop(): Promise<void>; es: SearchClient; failedBatches(): Promise<number> };

const INDEXED_TABLES = ['products', 'inventory', 'reviews'];
const TARGETS_TTL_MS = 1000;

export async function startIndexer(s: IndexerSettings, log: Logger, opts: { esRequestTimeoutMs?: number } = {}): Promise<Indexer> {
  const sql = cdcSql(s.databaseUrl, 4);
  const es = searchClient(s.elasticsearchUrl, { requestTimeoutMs: opts.esRequestTimeoutMs ?? 10_000, maxRetries: 1 });
  const redis = indexerRedis(s.upstashUrl, s.upstashToken, s.indexPrefix);
  const metrics = indexerMetrics();
  let running = false;

  await ensureIndices(es, s.indexPrefix);
  const seeded = s.seedStock ? await seedStockOnce(sql, redis) : null;
  if (seeded !== null) log.info('stock projection seeded from Postgres', { products: seeded });
  const topics = INDEXED_TABLES.map((t) => topicFor(s.topicPrefix, SCHEMA, t));

  const targetCache = new Map<IndexKind, { at: number; indices: string[] }>();
  const targets = async (kind: IndexKind): Promise<string[]> => {
    const hit = targetCache.get(kind);
    if (hit && Date.now() - hit.at < TARGETS_TTL_MS) return hit.indices;
    const indices = [
      ...new Set([...(await aliasIndices(es, aliasFor(s.indexPrefix, kind))), ...(await aliasIndices(es, buildingAliasFor(s.indexPrefix, kind)))]),
    ];
    if (indices.length === 0) throw new Error(`alias ${aliasFor(s.indexPrefix, kind)} has no index`);
    targetCache.set(kind, { at: Date.now(), indices });
    return indices;
  };

  async function apply(events: Envelope[]): Promise<void> {
    const touched = touchedDocuments(events);
    if (touched.truncated) log.warn('truncate event: documents of truncated tables are not removed; run npm run search:reindex');
    // A stock change re-indexes its product only when in_stock flips; the page reads the units from Redis.
    const reindex = new Map(touched.products);
    for (const [id, state] of await redis.writeStock(touched.stock)) {
      if (inStockFlipped(state)) reindex.set(id, Math.max(reindex.get(id) ?? 0, touched.stock.get(id)!.lsn));
    }
    const productIds = [...reindex.keys()];
    const reviewIds = [...touched.reviews.keys()];
    const pages = [...new Set([...productIds, ...touched.stock.keys()])];
    if (productIds.length === 0 && reviewIds.length === 0) {
      await redis.invalidate(pages, { searches: false });
      return;
    }
    await waitUntilVisible(
      sql,
      events.map((e) => e.source.txId ?? 0),
      (ms) => log.warn('transactions still invisible; reading anyway', { waited_ms: ms }),
    );
    const [products, reviews] = await Promise.all([loadProducts(sql, productIds), loadReviews(sql, reviewIds)]);
    const ops: VersionedOp[] = [];
    if (productIds.length > 0) {
      for (const index of await targets('products')) {
        for (const [id, version] of reindex) {
          const doc = products.get(id);
          ops.push({ index, id, version, doc: doc ? withSuggest(doc) : null });
        }
      }
    }
    if (reviewIds.length > 0) {
      for (const index of await targets('reviews')) {
        for (const [id, version] of touched.reviews) ops.push({ index, id, version, doc: reviews.get(id) ?? null });
      }
    }
    const outcome = await writeVersioned(es, ops);
    metrics.documents.inc({ index: 'all', outcome: 'written' }, outcome.written);
    metrics.documents.inc({ index: 'all', outcome: 'stale' }, outcome.stale);
    await redis.markIndexed([...products.values()].map((d) => ({ id: d.id, inStock: d.in_stock, priced: d.price !== null })));
    await redis.invalidate(pages, { searches: true });
  }

  const consumer: EventConsumer = await startEventConsumer({
    brokers: s.brokers,
    groupId: s.groupId,
    topics,
    fromBeginning: true,
    sessionTimeoutMs: s.sessionTimeoutMs,
    batchWaitMs: s.batchWaitMs,
    log,
    metrics: metrics.consumer,
    async handle({ events }) {
      try {
        await apply(events);
      } catch (e) {
        // an alias may have moved (a reindex swapped it): look the targets up again
        targetCache.clear();
        throw e;
      }
    },
  });
  running = true;
  log.info('indexing', { group: s.groupId, topics, index_prefix: s.indexPrefix });

  const server = s.metricsPort === null ? null : await serveMetrics(s.metricsPort, metrics.registry, () => ({ ok: running, detail: { group: s.groupId } }));

  return {
    es,
    failedBatches: async () => (await metrics.consumer.failures.get()).values[0]?.value ?? 0,
    async stop() {
      running = false;
      await consumer.stop();
      redis.close();
      server?.close();
      await sql.end({ timeout: 2 });
      await es.close();
      log.info('indexer stopped');
    },
  };
}
