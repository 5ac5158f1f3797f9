import type { Config } from '../config/index.ts';
import { cdcSql } from './db.ts';
import { deleteGroup, deleteTopicsWithPrefix } from './kafka.ts';
import { searchClient } from './search/client.ts';
import { dropIndices } from './search/indices.ts';
import { dropSlot, ensureStateTable } from './relay/slot.ts';
import { deleteProjection } from './indexer/cache.ts';

// Removes everything one pipeline instance created (tests and benchmarks run their own slot,
// publication, topics, consumer group, indices and the Redis keys named by the index prefix, and
// must not leave a slot retaining WAL nor tens of thousands of stock hashes per run).
type Endpoints = { databaseUrl: string; brokers: string; elasticsearchUrl: string; redis?: { url: string; token: string } };

/** Where a pipeline's state lives, as the settings name it: what removePipeline needs besides the names. */
export const pipelineEndpoints = (cfg: Config): Required<Endpoints> => ({
  databaseUrl: cfg.databaseUrl,
  brokers: cfg.KAFKA_BROKERS,
  elasticsearchUrl: cfg.ELASTICSEARCH_URL,
  redis: { url: cfg.UPSTASH_REDIS_REST_URL, token: cfg.UPSTASH_REDIS_REST_TOKEN },
});

export async function removePipeline(
  p: Endpoints & {
    slot: string;
    publication: string;
    topicPrefix: string;
    groupId?: string;
    indexPrefix?: string;
  },
): Promise<void> {
  const sql = cdcSql(p.databaseUrl, 1);
  try {
    await ensureStateTable(sql);
    await dropSlot(sql, p.slot);
    await sql.unsafe(`drop publication if exists ${p.publication}`);
  } finally {
    await sql.end();
  }
  await deleteTopicsWithPrefix(p.brokers, `${p.topicPrefix}.`);
  if (p.groupId) await deleteGroup(p.brokers, p.groupId);
  if (p.indexPrefix) {
    const es = searchClient(p.elasticsearchUrl);
    await dropIndices(es, p.indexPrefix);
    await es.close();
    if (p.redis) await deleteProjection(p.redis.url, p.redis.token, p.indexPrefix);
  }
}
