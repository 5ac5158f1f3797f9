import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { config, repoRoot } from '../config/index.ts';
import { cdcSql } from '../cdc/db.ts';
import { createChangeProducer, ensureTopics, groupCaughtUp, tapTopics } from '../cdc/kafka.ts';
import { topicFor, type Envelope } from '../openapi/internal/events.ts';
import { searchClient } from '../cdc/search/client.ts';
import { pipelineEndpoints, removePipeline } from '../cdc/teardown.ts';
import { indexAliases } from '../openapi/internal/read-model.ts';
import { PUBLISHED_TABLES } from '../cdc/tables.ts';
import { assertBenchSettings } from './isolation.ts';
import { writeBenchResult } from './results.ts';

// npm run bench:cdc — (1) a fresh slot's initial snapshot of the whole catalog into an empty
// index; (2) a steady 500 committed writes/s for 60 s through the same relay and indexer
// (separate processes, as in production): commit→Kafka and commit→searchable percentiles.
const RATE = 500;
const SECONDS = 60;
const BENCH_PRODUCTS = 200;
const GOALS = { kafkaP99Ms: 100, searchableP99Ms: 1500 };

assertBenchSettings(config);
const tag = randomBytes(3).toString('hex');
const names = {
  slot: `cdc_bench_${tag}`,
  publication: `cdc_bench_${tag}`,
  topicPrefix: `cdcbench-${tag}`,
  groupId: `cdcbench-${tag}`,
  indexPrefix: `cdcbench-${tag}`,
};
const prefix = `cdcbench-${tag}`;
const relayPort = 21_000 + Math.floor(Math.random() * 10_000);
const indexerPort = relayPort + 1;
const sql = cdcSql(config.databaseUrl, 12);
const es = searchClient(config.ELASTICSEARCH_URL);
const alias = indexAliases(names.indexPrefix).products;
const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (s: string) => process.stdout.write(`${s}\n`);

function worker(entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(repoRoot, entry)], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: config.KAFKA_BROKERS,
      ELASTICSEARCH_URL: config.ELASTICSEARCH_URL,
      POSTGRES_HOST: config.POSTGRES_HOST,
      POSTGRES_PORT: String(config.POSTGRES_PORT),
      POSTGRES_USER: config.POSTGRES_USER,
      POSTGRES_PASSWORD: config.POSTGRES_PASSWORD,
      POSTGRES_DB: config.POSTGRES_DB,
      UPSTASH_REDIS_REST_URL: config.UPSTASH_REDIS_REST_URL,
      UPSTASH_REDIS_REST_TOKEN: config.UPSTASH_REDIS_REST_TOKEN,
      CDC_TOPIC_PREFIX: names.topicPrefix,
      ...env,
    },
  });
  children.push(child);
  return child;
}

async function until(what: string, fn: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
/** The upper bound of the bucket holding the p-th percentile of a Prometheus histogram. */
function histogramPct(text: string, name: string, p: number): string {
  const buckets = [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\S+)$`, 'gm'))].map((m) => [m[1]!, Number(m[2])] as const);
  const total = buckets[buckets.length - 1]?.[1] ?? 0;
  return buckets.find(([, n]) => n >= (p / 100) * total)?.[0] ?? '?';
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const ids = Array.from({ length: BENCH_PRODUCTS }, (_, i) => `${prefix}-${i}`);
  await sql`insert into products ${sql(ids.map((id) => ({ id, pid: id, title: `Bench product ${id}`, brand: 'Bench', category_path: ['Bench'], price_amount: 0, mrp_amount: 1_000_000 })))}`;
  await sql`insert into inventory ${sql(ids.map((id) => ({ product_id: id, on_hand: 100, reserved: 0 })))}`;
  const [{ n: productCount }] = (await sql`select count(*)::int as n from products`) as unknown as [{ n: number }];

  // 1. Initial snapshot into an empty index.
  say(`snapshot: ${productCount} products (plus every other published table) through a new slot into an empty index`);
  // The broker stamps each record when it appends it, so commit→Kafka is measured to the
  // append itself, not to when this busy process gets round to reading it.
  await ensureTopics(
    config.KAFKA_BROKERS,
    PUBLISHED_TABLES.map((t) => topicFor(names.topicPrefix, 'public', t)),
    3,
    { 'message.timestamp.type': 'LogAppendTime' },
  );
  const t0 = Date.now();
  worker('cdc/relay/main.ts', { CDC_SLOT: names.slot, CDC_PUBLICATION: names.publication, RELAY_METRICS_PORT: String(relayPort) });
  worker('cdc/indexer/main.ts', { CDC_INDEXER_GROUP: names.groupId, SEARCH_INDEX_PREFIX: names.indexPrefix, INDEXER_METRICS_PORT: String(indexerPort) });
  await until('relay streaming', async () => (await fetch(`http://127.0.0.1:${relayPort}/health`)).ok, 180_000, 50);
  const relayDone = Date.now();
  const topics = ['products', 'inventory'].map((t) => topicFor(names.topicPrefix, 'public', t));
  await until(
    'index holds every product',
    async () => {
      if (!(await groupCaughtUp(config.KAFKA_BROKERS, names.groupId, topics))) return false;
      return (await es.count({ index: alias })).count >= productCount;
    },
    300_000,
    250,
  );
  const snapshotMs = Date.now() - t0;
  say(
    `  relay snapshot to Kafka: ${(relayDone - t0) / 1000} s; searchable index of ${productCount} products: ${(snapshotMs / 1000).toFixed(1)} s = ${Math.round(productCount / (snapshotMs / 1000))} docs/s`,
  );

  // 2. Steady load. Each committed write is known from the tap by its commit LSN and Postgres
  // commit timestamp; it is searchable once a search returns its product at a version (= the
  // commit LSN of the newest change indexed) at least that LSN.
  const commitAt = new Map<number, number>();
  const kafkaLatency: number[] = [];
  const receiveLatency: number[] = [];
  const pendingByProduct = new Map<string, Array<{ lsn: number; committedMs: number }>>();
  const tap = await tapTopics({
    brokers: config.KAFKA_BROKERS,
    topics: [topics[0]!],
    onMessage: (m, receivedAt) => {
      if (!m.value || !m.key?.includes(prefix)) return;
      const e = JSON.parse(m.value) as Envelope;
      if (e.op !== 'u') return;
      const committedMs = e.source.ts_us / 1000;
      kafkaLatency.push(m.timestamp - committedMs);
      receiveLatency.push(receivedAt - committedMs);
      const id = String(e.after!.id);
      const list = pendingByProduct.get(id) ?? pendingByProduct.set(id, []).get(id)!;
      list.push({ lsn: e.source.lsn, committedMs });
    },
  });
  say(`steady load: ${RATE} committed single-row updates/s for ${SECONDS} s on ${BENCH_PRODUCTS} products`);
  say("  running: this run's relay and indexer (their own processes, as deployed); whatever else runs on the machine is in .bench-results/cdc.json (load)");
  const searchable: number[] = [];
  let loadRunning = true;
  let loadEnded = 0;
  const outstanding = () => [...pendingByProduct.values()].reduce((n, l) => n + l.length, 0);
  const poller = (async () => {
    while (loadRunning || (outstanding() > 0 && Date.now() - loadEnded < 30_000)) {
      const r = await es
        .search<{ id: string }>({ index: alias, size: BENCH_PRODUCTS, version: true, _source: ['id'], query: { prefix: { id: `${prefix}-` } } })
        .catch(() => null);
      const now = Date.now();
      for (const h of r?.hits.hits ?? []) {
        const list = pendingByProduct.get(h._source!.id);
        if (!list) continue;
        const still = list.filter((c) => {
          if (c.lsn > (h._version ?? 0)) return true;
          searchable.push(now - c.committedMs);
          return false;
        });
        pendingByProduct.set(h._source!.id, still);
      }
      await sleep(20);
    }
  })();
  const start = Date.now();
  let seq = 0;
  const inflight = new Set<Promise<void>>();
  while (Date.now() - start < SECONDS * 1000) {
    const due = Math.floor(((Date.now() - start) / 1000) * RATE);
    while (seq < due) {
      const s = ++seq;
      const id = ids[s % ids.length]!;
      const p = sql`update products set price_amount = ${s} where id = ${id}`.then(() => void commitAt.set(s, Date.now()));
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    }
    await sleep(2);
  }
  await Promise.all(inflight);
  loadEnded = Date.now();
  const achieved = commitAt.size / ((loadEnded - start) / 1000);
  loadRunning = false;
  await poller;
  await sleep(1000);
  await tap.stop();

  // Same-run floor for commit→Kafka: a bare producer → consumer round trip on this machine now.
  const rawTopic = `${names.topicPrefix}.bench.raw`;
  await ensureTopics(config.KAFKA_BROKERS, [rawTopic], 1, { 'message.timestamp.type': 'LogAppendTime' });
  const rawLatency: number[] = [];
  const rawTap = await tapTopics({ brokers: config.KAFKA_BROKERS, topics: [rawTopic], onMessage: (m) => rawLatency.push(m.timestamp - Number(m.value)) });
  const producer = await createChangeProducer(config.KAFKA_BROKERS, 'bench-raw');
  for (let i = 0; i < 1000; i++) {
    await producer.send([{ topic: rawTopic, key: String(i), value: String(Date.now()) }]);
    await sleep(2);
  }
  await sleep(1000);
  await producer.disconnect();
  await rawTap.stop();

  const relayMetrics = await (await fetch(`http://127.0.0.1:${relayPort}/metrics`)).text();
  const indexerMetrics = await (await fetch(`http://127.0.0.1:${indexerPort}/metrics`)).text();
  const lag = /^cdc_relay_slot_lag_bytes (\S+)$/m.exec(relayMetrics)?.[1];
  const k50 = pct(kafkaLatency, 50);
  const k99 = pct(kafkaLatency, 99);
  const s50 = pct(searchable, 50);
  const s99 = pct(searchable, 99);
  say(`  committed ${commitAt.size} writes in ${((loadEnded - start) / 1000).toFixed(1)} s = ${achieved.toFixed(0)}/s (goal ${RATE}/s)`);
  say(
    `  commit→Kafka (Postgres commit timestamp → the broker's append timestamp, LogAppendTime), n=${kafkaLatency.length}: p50 ${fmt(k50)}, p99 ${fmt(k99)}; goal p99 ≤ ${GOALS.kafkaP99Ms} ms → ratio ${(k99 / GOALS.kafkaP99Ms).toFixed(2)}`,
  );
  say(
    `  commit→received by this process's consumer (includes its own event-loop lag), p50 ${fmt(pct(receiveLatency, 50))}, p99 ${fmt(pct(receiveLatency, 99))}`,
  );
  const r99 = pct(rawLatency, 99);
  say(
    `  floor, bare Kafka send→append on this machine in this run, n=${rawLatency.length}: p50 ${fmt(pct(rawLatency, 50))}, p99 ${fmt(r99)} → relay p99 is ${(k99 / r99).toFixed(1)}x the floor`,
  );
  say(
    `  commit→searchable (Postgres commit timestamp → a search on the alias returns the product at that version or newer), n=${searchable.length}: p50 ${fmt(s50)}, p99 ${fmt(s99)}; goal p99 ≤ ${GOALS.searchableP99Ms} ms → ratio ${(s99 / GOALS.searchableP99Ms).toFixed(2)}`,
  );
  say(
    `  from the workers' own histograms (bucket upper bounds): relay commit→Kafka ack p50 ≤ ${histogramPct(relayMetrics, 'cdc_relay_commit_to_kafka_seconds', 50)} s, p99 ≤ ${histogramPct(relayMetrics, 'cdc_relay_commit_to_kafka_seconds', 99)} s; indexer commit→indexed (before refresh) p50 ≤ ${histogramPct(indexerMetrics, 'cdc_indexer_commit_to_handled_seconds', 50)} s, p99 ≤ ${histogramPct(indexerMetrics, 'cdc_indexer_commit_to_handled_seconds', 99)} s`,
  );
  say(`  slot lag at the end: ${lag ?? '?'} bytes; for comparison, Debezium on managed Kafka is published at 499 ms p99 commit→Kafka (6k ops/s)`);
  writeBenchResult('cdc', ['relay (its own process)', 'indexer (its own process)'], {
    snapshot_docs_per_s: { value: productCount / (snapshotMs / 1000), unit: 'docs/s' },
    steady_writes_per_s: { value: achieved, unit: 'committed writes/s' },
    commit_to_kafka_p50_ms: { value: k50, unit: 'ms' },
    commit_to_kafka_p99_ms: { value: k99, unit: 'ms' },
    commit_to_searchable_p50_ms: { value: s50, unit: 'ms' },
    commit_to_searchable_p99_ms: { value: s99, unit: 'ms' },
  });
}

async function cleanup(): Promise<void> {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
  await sql`delete from products where id like ${`${prefix}-%`}`;
  await removePipeline({ ...pipelineEndpoints(config), ...names });
  await sql.end();
  await es.close();
}

try {
  await main();
} catch (e) {
  process.stderr.write(`bench:cdc failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
