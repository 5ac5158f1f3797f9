import type { Sql } from 'postgres';
import type { Row } from '../../openapi/internal/events.ts';
import { changeRecord, type ChangeRecord } from './envelope.ts';
import { publishedColumns } from './publication.ts';
import { primaryKeyOf, relationOf } from './table-shapes.ts';
import { valueFromText } from './values.ts';
import type { Lsn } from './lsn.ts';

// The initial snapshot: every row of the published tables as of the slot's exported snapshot,
// emitted as op "r" with the slot's consistent point as LSN, so the first streamed change is
// always newer than any snapshot row. Only the columns the publication carries are read, so a
// snapshot row has the same shape as a streamed one and withheld columns stay in Postgres.
export async function emitSnapshot(opts: {
  sql: Sql;
  snapshotName: string;
  consistentPoint: Lsn;
  tables: string[];
  publication: string;
  topicPrefix: string;
  db: string;
  chunkSize: number;
  emit(records: ChangeRecord[]): Promise<void>;
}): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await opts.sql.begin('isolation level repeatable read read only', async (tx) => {
    await tx.unsafe(`set transaction snapshot '${opts.snapshotName.replace(/'/g, "''")}'`);
    for (const table of opts.tables) {
      const all = await relationOf(tx as unknown as Sql, table);
      // the publication as it is now (set after the slot's snapshot was exported), not as the snapshot saw it
      const published = await publishedColumns(opts.sql, opts.publication, table);
      const relation = { ...all, columns: all.columns.filter((c) => published.includes(c.name)) };
      const primaryKey = await primaryKeyOf(tx as unknown as Sql, relation.oid);
      const columns = relation.columns.map((c) => `"${c.name}"::text as "${c.name}"`).join(', ');
      const order = primaryKey.length > 0 ? ` order by ${primaryKey.map((k) => `"${k}"`).join(', ')}` : '';
      counts[table] = 0;
      const now = Date.now();
      const txContext = { db: opts.db, xid: null, commitLsn: opts.consistentPoint, commitTimeUs: now * 1000, snapshot: true };
      for await (const rows of tx.unsafe(`select ${columns} from public."${table}"${order}`).cursor(opts.chunkSize)) {
        const records = (rows as unknown as Record<string, string | null>[]).map((raw) => {
          const after: Row = {};
          for (const c of relation.columns) after[c.name] = valueFromText(c.typeOid, raw[c.name] ?? null);
          return changeRecord({ topicPrefix: opts.topicPrefix, relation, primaryKey, op: 'r', before: null, after, tx: txContext, changeLsn: null, now });
        });
        await opts.emit(records);
        counts[table] += records.length;
      }
    }
  });
  return counts;
}
