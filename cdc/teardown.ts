import { cdcSql } from './db.ts';
import { deleteGroup, deleteTopicsWithPrefix } from './kafka.ts';
import { searchClient } from './search/client.ts';
import { dropIndices } from './search/indices.ts';
import { dropSlot, ensureStateTable } from './relay/slot.ts';
import { deleteProjection } from './indexer/cache.ts';

// Removes everything one pipeline instance created (tests and benchmarks run their own slot,
// publication, topics, consumer group, indices and the Redis keys named by the index prefix, and
// must not leave a slot retaining WAL nor tens of thousands of stock hashes per run).
export async function removePipeline(p: {
  databaseUrl: string;
  brokers: string;
  elasticsearchUrl: string;
  slot: string;
  publication: string;
  topicPrefix: string;
  groupId?: string;
  indexPrefix?: string;
  /** The Upstash REST endpoint whose keys of `indexPrefix` go too. */
  redis?: { url: string; token: string };
}): Promise<void> {
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
