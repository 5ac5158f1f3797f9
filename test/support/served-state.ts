import { Redis } from '@upstash/redis';
import { Kafka, logLevel } from 'kafkajs';
import type { Config } from '../../config/index.ts';
import { searchClient } from '../../cdc/search/client.ts';
import { connect } from '../../core/db/connect.ts';
import { cacheKeys, indexAliases } from '../../openapi/internal/read-model.ts';

// A fingerprint of what `npm start` serves: every table's row count and a hash over the catalog
// (products, inventory), the slots and publications of the served database, the served index
// (which versioned index the alias names, its documents and highest sequence number), the served
// topics' end offsets and the indexer group's committed ones, and the catalog version in Redis.
// Taken before and after the suite, two fingerprints must be equal.
export type ServedState = Record<string, string>;

const CATALOG_ID = '^[0-9a-f]{32}$';

async function database(cfg: Config): Promise<ServedState> {
  const sql = connect(cfg, { max: 1 });
  try {
    const state: ServedState = {};
    const tables = await sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by 1`;
    for (const { name } of tables) {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(name)}`;
      state[`db ${name} rows`] = String(row!.n);
    }
    const [products] = await sql<{ h: string | null; stray: number }[]>`
      select md5(string_agg(p::text, '|' order by p.id)) as h, count(*) filter (where p.id !~ ${CATALOG_ID})::int as stray from products p`;
    const [inventory] = await sql<{ h: string | null }[]>`select md5(string_agg(i::text, '|' order by i.product_id)) as h from inventory i`;
    state['db products hash'] = products!.h ?? 'empty';
    state['db products not from the catalog'] = String(products!.stray);
    state['db inventory hash'] = inventory!.h ?? 'empty';
    const [cdc] = await sql<{ slots: string; publications: string }[]>`
      select (select coalesce(string_agg(slot_name, ',' order by slot_name), '') from pg_replication_slots where database = current_database()) as slots,
             (select coalesce(string_agg(pubname, ',' order by pubname), '') from pg_publication) as publications`;
    state['db replication slots'] = cdc!.slots;
    state['db publications'] = cdc!.publications;
    return state;
  } finally {
    await sql.end();
  }
}

type ShardStats = { seq_no?: { max_seq_no: number } }[];

async function searchIndex(cfg: Config): Promise<ServedState> {
  const es = searchClient(cfg.ELASTICSEARCH_URL);
  try {
    const state: ServedState = {};
    for (const alias of Object.values(indexAliases(cfg.SEARCH_INDEX_PREFIX))) {
      const named = await es.indices.getAlias({ name: alias }, { ignore: [404] });
      const indices = Object.keys(named).filter((k) => k !== 'error' && k !== 'status');
      if (indices.length === 0) {
        state[`es ${alias}`] = 'absent';
        continue;
      }
      const stats = await es.indices.stats({ index: alias, level: 'shards', metric: ['docs'] });
      const maxSeqNo = Object.values(stats.indices ?? {})
        .flatMap((i) => Object.values((i.shards ?? {}) as Record<string, ShardStats>).flat())
        .reduce((sum, shard) => sum + (shard.seq_no?.max_seq_no ?? 0), 0);
      state[`es ${alias}`] = `${indices.sort().join(',')} docs=${stats._all.primaries?.docs?.count} max_seq_no=${maxSeqNo}`;
    }
    return state;
  } finally {
    await es.close();
  }
}

async function retryRetriable<T>(call: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!(err as { retriable?: boolean }).retriable || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function topics(cfg: Config): Promise<ServedState> {
  const admin = new Kafka({ clientId: 'served-state', brokers: cfg.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const state: ServedState = {};
    const served = (await admin.listTopics()).filter((t) => t.startsWith(`${cfg.CDC_TOPIC_PREFIX}.`)).sort();
    for (const topic of served) state[`kafka ${topic} end`] = (await admin.fetchTopicOffsets(topic)).map((p) => `${p.partition}:${p.high}`).join(',');
    // With no served topics there is no group to read; a fresh broker may still be electing the
    // group's coordinator, which kafkajs reports as a retriable error that this call does not retry.
    if (!served.length) return state;
    for (const { topic, partitions } of await retryRetriable(() => admin.fetchOffsets({ groupId: cfg.CDC_INDEXER_GROUP, topics: served })))
      state[`kafka ${cfg.CDC_INDEXER_GROUP} ${topic}`] = partitions.map((p) => `${p.partition}:${p.offset}`).join(',');
    return state;
  } finally {
    await admin.disconnect();
  }
}

async function cache(cfg: Config): Promise<ServedState> {
  const redis = new Redis({ url: cfg.UPSTASH_REDIS_REST_URL, token: cfg.UPSTASH_REDIS_REST_TOKEN });
  return { 'redis catalog version': String(await redis.get(cacheKeys.catalogVersion(cfg.SEARCH_INDEX_PREFIX))) };
}

export async function servedState(cfg: Config): Promise<ServedState> {
  const parts = await Promise.all([database(cfg), searchIndex(cfg), topics(cfg), cache(cfg)]);
  return Object.assign({}, ...parts);
}

/** One line per fact that differs, `name: before → after`; empty when nothing changed. */
export function stateDifferences(before: ServedState, after: ServedState): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((n) => before[n] !== after[n]).map((n) => `${n}: ${before[n] ?? '(none)'} → ${after[n] ?? '(none)'}`);
}

/** What the fingerprint could not cover, for the run's summary. */
export const uncovered = (state: ServedState): string[] =>
  Object.entries(state)
    .filter(([, v]) => v === 'absent')
    .map(([k]) => `no ${k.replace(/^es /, '')} yet, only its absence is checked`);
