import { cdcSql } from './db.ts';
import { deleteGroup, deleteTopicsWithPrefix } from './kafka.ts';
import { searchClient } from './search/client.ts';
import { dropIndices } from './search/indices.ts';
import { dropSlot, ensureStateTable } from './relay/slot.ts';

// Removes everything one pipeline instance created (tests and benchmarks run their own slot,
// publication, topics, consumer group and indices, and must not leave a slot retaining WAL).
export async function removePipeline(p: {
  databaseUrl: string;
  brokers: string;
  elasticsearchUrl: string;
  slot: string;
  publication: string;
  topicPrefix: string;
  groupId?: string;
  indexPrefix?: string;
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
  }
}
