import { keyFor, topicFor, UNAVAILABLE_VALUE, type Envelope, type Op, type Row } from '../../openapi/internal/events.ts';
import { UNCHANGED_TOAST, type Relation, type Tuple } from './pgoutput.ts';
import { valueFromText } from './values.ts';
import type { Lsn } from './lsn.ts';

// Change events of the contract in openapi/internal/events.ts, built from decoded WAL rows.

export type ChangeRecord = { topic: string; key: string | null; value: Envelope };

export type TxContext = { db: string; xid: number | null; commitLsn: Lsn; commitTimeUs: number; snapshot: boolean };

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
