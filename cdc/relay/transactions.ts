import type { PgOutputMessage, Relation } from './pgoutput.ts';
import type { Row } from '../../openapi/internal/events.ts';
import { changeRecord, effectiveKey, rowFromTuple, type ChangeRecord, type TxContext } from './envelope.ts';
import type { Lsn } from './lsn.ts';

// Folds the pgoutput message stream into whole committed transactions of change records.
// Nothing leaves a transaction before its Commit, so a relay crash mid-transaction never
// publishes half of it as if it were confirmed.

export type CommittedTx = { xid: number; commitLsn: Lsn; endLsn: Lsn; commitTimeUs: number; records: ChangeRecord[] };

export type Assembler = {
  /** Returns the transaction when `msg` is its Commit. */
  push(msg: PgOutputMessage, walStart: Lsn, now: number): CommittedTx | null;
  relation(oid: number): Relation | undefined;
};

export function createAssembler(opts: { topicPrefix: string; db: string; primaryKeyOf: (rel: Relation) => readonly string[] | undefined }): Assembler {
  const relations = new Map<number, Relation>();
  let tx: (TxContext & { xid: number; records: ChangeRecord[] }) | null = null;

  const rel = (oid: number): Relation => {
    const r = relations.get(oid);
    if (!r) throw new Error(`pgoutput: change for unknown relation ${oid}`);
    return r;
  };
  const open = () => {
    if (!tx) throw new Error('pgoutput: change outside a transaction');
    return tx;
  };
  const add = (relation: Relation, op: 'c' | 'u' | 'd' | 't', before: Row | null, after: Row | null, walStart: Lsn, now: number) => {
    const t = open();
    const primaryKey = effectiveKey(relation, opts.primaryKeyOf(relation));
    t.records.push(changeRecord({ topicPrefix: opts.topicPrefix, relation, primaryKey, op, before, after, tx: t, changeLsn: walStart, now }));
  };

  return {
    relation: (oid) => relations.get(oid),
    push(msg, walStart, now) {
      switch (msg.tag) {
        case 'begin':
          tx = { db: opts.db, xid: msg.xid, commitLsn: msg.finalLsn, commitTimeUs: msg.commitTimeUs, snapshot: false, records: [] };
          return null;
        case 'relation':
          relations.set(msg.relation.oid, msg.relation);
          return null;
        case 'insert': {
          const r = rel(msg.relationOid);
          add(r, 'c', null, rowFromTuple(r, msg.after), walStart, now);
          return null;
        }
        case 'update': {
          const r = rel(msg.relationOid);
          const before = msg.before ? rowFromTuple(r, msg.before) : null;
          add(r, 'u', before, rowFromTuple(r, msg.after, before), walStart, now);
          return null;
        }
        case 'delete': {
          const r = rel(msg.relationOid);
          add(r, 'd', rowFromTuple(r, msg.before), null, walStart, now);
          return null;
        }
        case 'truncate':
          for (const oid of msg.relationOids) add(rel(oid), 't', null, null, walStart, now);
          return null;
        case 'commit': {
          const t = open();
          tx = null;
          return { xid: t.xid, commitLsn: msg.commitLsn, endLsn: msg.endLsn, commitTimeUs: msg.commitTimeUs, records: t.records };
        }
        default:
          return null;
      }
    },
  };
}
