import { randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';
import { cdcSql } from '../cdc/db.ts';
import { config } from '../config/index.ts';
import { createLogger, type Logger } from '../cdc/log.ts';
import { startRelay, type Relay } from '../cdc/relay/relay.ts';
import { relaySettings, type RelaySettings } from '../cdc/relay/settings.ts';
import { startIndexer, type Indexer } from '../cdc/indexer/indexer.ts';
import { indexerSettings, type IndexerSettings } from '../cdc/indexer/settings.ts';
import { pipelineEndpoints, removePipeline } from '../cdc/teardown.ts';
import { groupCaughtUp, type IncomingMessage } from '../cdc/kafka.ts';
import { topicFor, type Envelope } from '../openapi/internal/events.ts';
import { searchClient, type SearchClient } from '../cdc/search/client.ts';
import { allProducts, loadProducts } from '../cdc/search/load.ts';
import { indexAliases, type ProductDocument } from '../openapi/internal/read-model.ts';
import { serviceLog } from './support/test-logs.ts';

// A private CDC pipeline per test file: own slot, publication, topics, consumer group and
// indices, so tests never fight the long-running relay/indexer or each other.

export type Names = { slot: string; publication: string; topicPrefix: string; groupId: string; indexPrefix: string };

export function uniqueNames(tag: string): Names {
  const r = `${tag}${randomBytes(3).toString('hex')}`;
  return { slot: `cdc_t_${r}`, publication: `cdc_t_${r}`, topicPrefix: `cdct-${r}`, groupId: `cdct-${r}`, indexPrefix: `cdct-${r}` };
}

/** The log of an in-process CDC service, in its test file's log folder (test-logs.ts). */
export const serviceLogger = (service: string): Logger => createLogger('info', { service }, serviceLog(service).write);

export function relayConfig(n: Names, over: Partial<RelaySettings> = {}): RelaySettings {
  return relaySettings(config, { slot: n.slot, publication: n.publication, topicPrefix: n.topicPrefix, metricsPort: null, ...over });
}

export function indexerConfig(n: Names, over: Partial<IndexerSettings> = {}): IndexerSettings {
  return indexerSettings(config, { groupId: n.groupId, topicPrefix: n.topicPrefix, indexPrefix: n.indexPrefix, metricsPort: null, seedStock: false, ...over });
}

export const startTestRelay = (n: Names, over: Partial<RelaySettings> = {}): Promise<Relay> => startRelay(relayConfig(n, over), serviceLogger('relay'));
export const startTestIndexer = (n: Names, over: Partial<IndexerSettings> = {}): Promise<Indexer> =>
  startIndexer(indexerConfig(n, over), serviceLogger('indexer'), { esRequestTimeoutMs: 3000 });

export const teardown = (n: Names, brokers = config.KAFKA_BROKERS) => removePipeline({ ...pipelineEndpoints(config), brokers, ...n });

export const testSql = (): Sql => cdcSql(config.databaseUrl, 4);
export const testEs = (): SearchClient => searchClient(config.ELASTICSEARCH_URL);
export const productTopics = (n: Names) => ['products', 'inventory'].map((t) => topicFor(n.topicPrefix, 'public', t));

/**
 * A relay process (on its metrics port) holds the slot and streams: its snapshot, if it takes one,
 * is done. Plain /health is not enough: a relay that has not yet taken the leader lock answers ok
 * as a standby, snapshot still to come.
 */
export async function relayStreaming(metricsPort: number): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${metricsPort}/health`, { signal: AbortSignal.timeout(1000) });
  return res.ok && ((await res.json()) as { role?: string }).role === 'active';
}

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Inserts products (with inventory) owned by the test; ids are `${prefix}-${i}`. */
export async function insertProducts(sql: Sql, prefix: string, count: number, onHand = 10): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  await sql.begin(async (tx) => {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await tx`insert into products ${tx(chunk.map((id, j) => ({ id, pid: `PID-${id}`, title: `CDC test product ${id}`, brand: 'CdcTest', category_path: ['Test', 'Cdc'], price_amount: 1000 + i + j, mrp_amount: 5000 })))}`;
      await tx`insert into inventory ${tx(chunk.map((id) => ({ product_id: id, on_hand: onHand, reserved: 0 })))}`;
    }
  });
  return ids;
}

export async function deleteProducts(sql: Sql, prefix: string): Promise<void> {
  await sql`delete from products where id like ${`${prefix}-%`}`;
}

export async function esProduct(es: SearchClient, indexPrefix: string, id: string): Promise<(ProductDocument & { _version: number }) | null> {
  const r = await es.get<ProductDocument>({ index: indexAliases(indexPrefix).products, id }, { ignore: [404] });
  return r.found ? { ...r._source!, _version: r._version! } : null;
}

const strip = ({ suggest: _s, ...doc }: ProductDocument & { suggest?: unknown }): ProductDocument => doc;

/** Documents in the index that differ from what Postgres says now (only `ids`, or every product). */
export async function indexDifferences(sql: Sql, es: SearchClient, indexPrefix: string, ids?: string[]): Promise<string[]> {
  const index = indexAliases(indexPrefix).products;
  const expected = new Map<string, ProductDocument>();
  if (ids) for (const [id, d] of await loadProducts(sql, ids)) expected.set(id, d);
  else for await (const page of allProducts(sql, 5000)) for (const d of page) expected.set(d.id, d);
  const actual = new Map<string, ProductDocument>();
  if (ids) {
    const r = await es.mget<ProductDocument>({ index, ids });
    for (const d of r.docs) if ('found' in d && d.found) actual.set(d._id, strip(d._source!));
  } else {
    let after: string[] | undefined;
    for (;;) {
      const r = await es.search<ProductDocument>({ index, size: 5000, sort: [{ id: 'asc' }], search_after: after, query: { match_all: {} } });
      for (const h of r.hits.hits) actual.set(h._id!, strip(h._source!));
      if (r.hits.hits.length < 5000) break;
      after = r.hits.hits[r.hits.hits.length - 1]!.sort as string[];
    }
  }
  const diffs: string[] = [];
  for (const [id, doc] of expected) {
    const got = actual.get(id);
    if (!got) diffs.push(`${id}: missing`);
    else if (JSON.stringify(got) !== JSON.stringify(doc)) diffs.push(`${id}: ${JSON.stringify(got).slice(0, 200)} != ${JSON.stringify(doc).slice(0, 200)}`);
  }
  for (const id of actual.keys()) if (!expected.has(id) && (!ids || ids.includes(id))) diffs.push(`${id}: not in Postgres`);
  return diffs;
}

/** Waits until the indexer committed everything in Kafka and the index equals Postgres. */
export async function waitForConvergence(
  sql: Sql,
  es: SearchClient,
  n: Names,
  ids: string[] | undefined,
  timeoutMs: number,
  brokers = config.KAFKA_BROKERS,
): Promise<void> {
  let diffs: string[] = [];
  await waitFor(
    'index to converge to Postgres',
    async () => {
      if (!(await groupCaughtUp(brokers, n.groupId, productTopics(n)))) return false;
      await es.indices.refresh({ index: indexAliases(n.indexPrefix).products });
      diffs = await indexDifferences(sql, es, n.indexPrefix, ids);
      return diffs.length === 0;
    },
    timeoutMs,
    1000,
  ).catch((e) => {
    throw new Error(`${(e as Error).message}; ${diffs.length} differences, first: ${diffs.slice(0, 3).join(' | ')}`);
  });
}

/** The prices of the updates to this run's products that reached Kafka (each test writes a sequence number as the price). */
export function updatedPricesSeen(messages: readonly IncomingMessage[], prefix: string): Set<number> {
  const s = new Set<number>();
  for (const m of messages) {
    const e = JSON.parse(m.value!) as Envelope;
    if (e.op === 'u' && String(e.after?.id).startsWith(`${prefix}-`)) s.add(e.after!.price_amount as number);
  }
  return s;
}
