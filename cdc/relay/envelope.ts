import { UNCHANGED_TOAST, type Relation, type Tuple } from './pgoutput.ts';
import { valueFromText, type JsonValue } from './values.ts';
import type { Lsn } from './lsn.ts';

// Debezium-compatible change events. source.lsn is the COMMIT LSN of the transaction (the
// consistent point for snapshot rows): it grows in commit order for every row, so consumers
// can use it as a version even for documents folded from several tables; the record's own
// WAL position is source.change_lsn.

/** Debezium's placeholder for a TOASTed value that did not change and is not known. */
export const UNAVAILABLE_VALUE = '__debezium_unavailable_value';

export type Row = Record<string, JsonValue>;
export type Op = 'c' | 'u' | 'd' | 'r' | 't';

export type Source = {
  connector: 'postgresql';
  db: string;
  schema: string;
  table: string;
  txId: number | null;
  lsn: Lsn;
  change_lsn: Lsn | null;
  ts_ms: number;
  ts_us: number;
  snapshot: boolean;
};

export type Envelope = { before: Row | null; after: Row | null; source: Source; op: Op; ts_ms: number };
export type ChangeRecord = { topic: string; key: string | null; value: Envelope };

export type TxContext = { db: string; xid: number | null; commitLsn: Lsn; commitTimeUs: number; snapshot: boolean };

export const topicFor = (prefix: string, schema: string, table: string): string => `${prefix}.${schema}.${table}`;

export function rowFromTuple(rel: Relation, tuple: Tuple, fallback: Row | null = null): Row {
  const row: Row = {};
  rel.columns.forEach((col, i) => {
    const raw = tuple[i] ?? null;
    row[col.name] =
      raw === UNCHANGED_TOAST
        ? fallback && col.name in fallback && fallback[col.name] !== UNAVAILABLE_VALUE
          ? fallback[col.name]!
          : UNAVAILABLE_VALUE
        : valueFromText(col.typeOid, raw);
  });
  return row;
}

/** Key = the primary key columns (replica identity columns when there is no primary key) as JSON. */
export function keyFor(primaryKey: readonly string[], row: Row): string {
  const key: Row = {};
  for (const col of primaryKey) key[col] = row[col] ?? null;
  return JSON.stringify(key);
}

export function changeRecord(args: {
  topicPrefix: string;
  relation: Relation;
  primaryKey: readonly string[];
  op: Op;
  before: Row | null;
  after: Row | null;
  tx: TxContext;
  changeLsn: Lsn | null;
  now: number;
}): ChangeRecord {
  const { relation, tx } = args;
  const keyRow = args.after ?? args.before;
  return {
    topic: topicFor(args.topicPrefix, relation.schema, relation.table),
    key: keyRow && args.primaryKey.length > 0 ? keyFor(args.primaryKey, keyRow) : null,
    value: {
      before: args.before,
      after: args.after,
      source: {
        connector: 'postgresql',
        db: tx.db,
        schema: relation.schema,
        table: relation.table,
        txId: tx.xid,
        lsn: tx.commitLsn,
        change_lsn: args.changeLsn,
        ts_ms: Math.floor(tx.commitTimeUs / 1000),
        ts_us: tx.commitTimeUs,
        snapshot: tx.snapshot,
      },
      op: args.op,
      ts_ms: args.now,
    },
  };
}

/** The primary key, or the replica identity columns flagged by pgoutput when the table has none. */
export function effectiveKey(relation: Relation, primaryKey: readonly string[] | undefined): string[] {
  if (primaryKey && primaryKey.length > 0) return [...primaryKey];
  return relation.replicaIdentity === 'f' ? [] : relation.columns.filter((c) => c.isKey).map((c) => c.name);
}
