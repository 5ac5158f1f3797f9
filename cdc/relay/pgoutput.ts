import { readLsn, type Lsn } from './lsn.ts';

// Decoder for pgoutput protocol version 1 messages (the payload of one XLogData frame).
// https://www.postgresql.org/docs/current/protocol-logicalrep-message-formats.html

/** A column the new tuple did not carry because its TOASTed value did not change. */
export const UNCHANGED_TOAST = Symbol('unchanged-toast');
export type RawValue = string | null | typeof UNCHANGED_TOAST;
export type Tuple = RawValue[];

export type RelationColumn = { name: string; typeOid: number; typeMod: number; isKey: boolean };
export type Relation = { oid: number; schema: string; table: string; replicaIdentity: string; columns: RelationColumn[] };

export type PgOutputMessage =
  | { tag: 'begin'; finalLsn: Lsn; commitTimeUs: number; xid: number }
  | { tag: 'commit'; flags: number; commitLsn: Lsn; endLsn: Lsn; commitTimeUs: number }
  | { tag: 'relation'; relation: Relation }
  | { tag: 'type'; oid: number; schema: string; name: string }
  | { tag: 'origin'; lsn: Lsn; name: string }
  | { tag: 'insert'; relationOid: number; after: Tuple }
  | { tag: 'update'; relationOid: number; before: Tuple | null; beforeIsKeyOnly: boolean; after: Tuple }
  | { tag: 'delete'; relationOid: number; before: Tuple; beforeIsKeyOnly: boolean }
  | { tag: 'truncate'; options: number; relationOids: number[] }
  | { tag: 'message'; transactional: boolean; lsn: Lsn; prefix: string; content: Buffer };

// Postgres timestamps count microseconds from 2000-01-01; this is that epoch in Unix microseconds.
const PG_EPOCH_US = 946_684_800_000_000;

class Reader {
  offset = 0;
  readonly buf: Buffer;
  constructor(buf: Buffer) {
    this.buf = buf;
  }
  u8(): number {
    return this.buf.readUInt8(this.offset++);
  }
  i16(): number {
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }
  i32(): number {
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  u32(): number {
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  lsn(): Lsn {
    const v = readLsn(this.buf, this.offset);
    this.offset += 8;
    return v;
  }
  timeUs(): number {
    const v = this.buf.readBigInt64BE(this.offset);
    this.offset += 8;
    return Number(v) + PG_EPOCH_US;
  }
  cstring(): string {
    const end = this.buf.indexOf(0, this.offset);
    if (end < 0) throw new Error('pgoutput: unterminated string');
    const s = this.buf.toString('utf8', this.offset, end);
    this.offset = end + 1;
    return s;
  }
  bytes(n: number): Buffer {
    const b = this.buf.subarray(this.offset, this.offset + n);
    if (b.length !== n) throw new Error('pgoutput: truncated message');
    this.offset += n;
    return b;
  }
  char(): string {
    return String.fromCharCode(this.u8());
  }
}

function tuple(r: Reader): Tuple {
  const n = r.i16();
  const out: Tuple = new Array(n);
  for (let i = 0; i < n; i++) {
    const kind = r.char();
    if (kind === 'n') out[i] = null;
    else if (kind === 'u') out[i] = UNCHANGED_TOAST;
    else if (kind === 't') out[i] = r.bytes(r.i32()).toString('utf8');
    else throw new Error(`pgoutput: unsupported tuple column kind '${kind}' (binary mode is not used)`);
  }
  return out;
}

export function decodePgOutput(buf: Buffer): PgOutputMessage {
  const r = new Reader(buf);
  const tag = r.char();
  switch (tag) {
    case 'B':
      return { tag: 'begin', finalLsn: r.lsn(), commitTimeUs: r.timeUs(), xid: r.u32() };
    case 'C':
      return { tag: 'commit', flags: r.u8(), commitLsn: r.lsn(), endLsn: r.lsn(), commitTimeUs: r.timeUs() };
    case 'O':
      return { tag: 'origin', lsn: r.lsn(), name: r.cstring() };
    case 'R': {
      const oid = r.u32();
      const schema = r.cstring();
      const table = r.cstring();
      const replicaIdentity = r.char();
      const n = r.i16();
      const columns: RelationColumn[] = [];
      for (let i = 0; i < n; i++) {
        const flags = r.u8();
        columns.push({ isKey: (flags & 1) === 1, name: r.cstring(), typeOid: r.u32(), typeMod: r.i32() });
      }
      return { tag: 'relation', relation: { oid, schema, table, replicaIdentity, columns } };
    }
    case 'Y':
      return { tag: 'type', oid: r.u32(), schema: r.cstring(), name: r.cstring() };
    case 'I': {
      const relationOid = r.u32();
      if (r.char() !== 'N') throw new Error('pgoutput: insert without new tuple');
      return { tag: 'insert', relationOid, after: tuple(r) };
    }
    case 'U': {
      const relationOid = r.u32();
      let kind = r.char();
      let before: Tuple | null = null;
      const beforeIsKeyOnly = kind === 'K';
      if (kind === 'K' || kind === 'O') {
        before = tuple(r);
        kind = r.char();
      }
      if (kind !== 'N') throw new Error('pgoutput: update without new tuple');
      return { tag: 'update', relationOid, before, beforeIsKeyOnly, after: tuple(r) };
    }
    case 'D': {
      const relationOid = r.u32();
      const kind = r.char();
      if (kind !== 'K' && kind !== 'O') throw new Error('pgoutput: delete without old tuple');
      return { tag: 'delete', relationOid, before: tuple(r), beforeIsKeyOnly: kind === 'K' };
    }
    case 'T': {
      const n = r.i32();
      const options = r.u8();
      const relationOids: number[] = [];
      for (let i = 0; i < n; i++) relationOids.push(r.u32());
      return { tag: 'truncate', options, relationOids };
    }
    case 'M': {
      const transactional = r.u8() === 1;
      const lsn = r.lsn();
      const prefix = r.cstring();
      return { tag: 'message', transactional, lsn, prefix, content: r.bytes(r.i32()) };
    }
    default:
      throw new Error(`pgoutput: unknown message tag '${tag}'`);
  }
}
