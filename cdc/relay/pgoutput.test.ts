import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/pgoutput-messages.json' with { type: 'json' };
import { decodePgOutput, UNCHANGED_TOAST, type PgOutputMessage } from './pgoutput.ts';
import { createAssembler, type CommittedTx } from './transactions.ts';
import { UNAVAILABLE_VALUE } from '../../openapi/internal/events.ts';

// Real pgoutput proto_version 1 messages captured from this Postgres (fixtures/capture.ts).
const decoded = (name: string): PgOutputMessage[] => {
  const f = fixtures.find((x) => x.name.startsWith(name));
  if (!f) throw new Error(`no fixture ${name}`);
  return f.messages.map((hex) => decodePgOutput(Buffer.from(hex, 'hex')));
};

const assemble = (name: string): CommittedTx => {
  const a = createAssembler({ topicPrefix: 'commerce', db: 'commerce', primaryKeyOf: () => ['id'] });
  let out: CommittedTx | null = null;
  for (const [i, m] of decoded(name).entries()) out = a.push(m, 1000 + i, 42) ?? out;
  if (!out) throw new Error('no commit');
  return out;
};

describe('decodePgOutput over captured messages', () => {
  it.each([
    ['insert', ['begin', 'relation', 'insert', 'commit']],
    ['update', ['begin', 'relation', 'update', 'commit']],
    ['delete', ['begin', 'relation', 'delete', 'commit']],
    ['replica identity full', ['begin', 'relation', 'insert', 'update', 'delete', 'commit']],
    ['truncate', ['begin', 'relation', 'truncate', 'commit']],
  ])('%s decodes to %j', (name, tags) => {
    expect(decoded(name).map((m) => m.tag)).toEqual(tags);
  });

  it('reads Begin and Commit: same final/commit LSN and timestamp, end after commit', () => {
    const msgs = decoded('insert');
    const begin = msgs[0]!;
    const commit = msgs[3]!;
    if (begin.tag !== 'begin' || commit.tag !== 'commit') throw new Error('shape');
    expect(begin.finalLsn).toBe(commit.commitLsn);
    expect(commit.endLsn).toBeGreaterThan(commit.commitLsn);
    expect(begin.commitTimeUs).toBe(commit.commitTimeUs);
    expect(begin.commitTimeUs).toBeGreaterThan(Date.UTC(2026, 0, 1) * 1000);
    expect(begin.xid).toBeGreaterThan(0);
  });

  it('reads the Relation: names, key flags, type OIDs and replica identity', () => {
    const rel = decoded('insert')[1]!;
    if (rel.tag !== 'relation') throw new Error('shape');
    expect(rel.relation).toMatchObject({ schema: 'public', table: 'cdc_fixture_capture', replicaIdentity: 'd' });
    expect(rel.relation.columns.map((c) => [c.name, c.typeOid, c.isKey])).toEqual([
      ['id', 20, true],
      ['price', 1700, false],
      ['note', 25, false],
      ['happened_at', 1184, false],
      ['local_at', 1114, false],
      ['day', 1082, false],
      ['attrs', 3802, false],
      ['tags', 1009, false],
      ['counts', 1007, false],
      ['flag', 16, false],
      ['big', 25, false],
      ['ratio', 701, false],
    ]);
    const full = decoded('replica identity full')[1]!;
    if (full.tag !== 'relation') throw new Error('shape');
    expect(full.relation.replicaIdentity).toBe('f');
  });

  it('marks an unchanged TOASTed value as such, and key-only / full old tuples', () => {
    const upd = decoded('update')[2]!;
    if (upd.tag !== 'update') throw new Error('shape');
    expect(upd.before).toBeNull();
    expect(upd.after[10]).toBe(UNCHANGED_TOAST);
    const del = decoded('delete')[2]!;
    if (del.tag !== 'delete') throw new Error('shape');
    expect(del.beforeIsKeyOnly).toBe(true);
    expect(del.before).toEqual(['1', null, null, null, null, null, null, null, null, null, null, null]);
    const fullUpd = decoded('replica identity full')[3]!;
    if (fullUpd.tag !== 'update') throw new Error('shape');
    expect(fullUpd.beforeIsKeyOnly).toBe(false);
    expect(fullUpd.before?.[2]).toBe('full');
  });

  it('rejects unknown tags', () => {
    expect(() => decodePgOutput(Buffer.from('Z'))).toThrow(/unknown message tag/);
  });
});

describe('change records from captured transactions', () => {
  it('insert: every value converted by type', () => {
    const [rec] = assemble('insert').records;
    expect(rec!.topic).toBe('commerce.public.cdc_fixture_capture');
    expect(rec!.key).toBe('{"id":1}');
    expect(rec!.value.op).toBe('c');
    expect(rec!.value.before).toBeNull();
    const { big, ...after } = rec!.value.after!;
    expect(after).toEqual({
      id: 1,
      price: '12345.6789',
      note: null,
      happened_at: '2024-02-29T18:29:58.123456Z',
      local_at: '2024-01-01T00:00:00.000000Z',
      day: '2024-03-01',
      attrs: { k: 'v', n: [1, 2.5, null], nested: { ok: true } },
      tags: ['a', 'b c', 'd,e', 'NULL', null, 'q"x'],
      counts: [1, 2, null],
      flag: true,
      ratio: 'NaN',
    });
    expect(big).toMatch(/^[0-9a-f]{12000}$/);
  });

  it('update: unchanged TOAST without an old tuple becomes the unavailable placeholder', () => {
    const [rec] = assemble('update').records;
    expect(rec!.value).toMatchObject({ op: 'u', before: null, after: { id: 1, price: '-0.5', note: 'changed', flag: false, big: UNAVAILABLE_VALUE } });
  });

  it('delete: key-only old tuple', () => {
    const [rec] = assemble('delete').records;
    expect(rec!.value.op).toBe('d');
    expect(rec!.value.after).toBeNull();
    expect(rec!.value.before).toMatchObject({ id: 1, note: null });
  });

  it('replica identity full: ordered c/u/d with full before images; int8 beyond 2^53 stays exact as a string', () => {
    const tx = assemble('replica identity full');
    expect(tx.records.map((r) => r.value.op)).toEqual(['c', 'u', 'd']);
    expect(tx.records.map((r) => r.key)).toEqual(Array(3).fill('{"id":"9007199254740993"}'));
    expect(tx.records[1]!.value.before).toMatchObject({ note: 'full', price: '0.00000000000000000001', tags: [], counts: [] });
    expect(tx.records[1]!.value.after).toMatchObject({ note: 'full-2' });
    expect(tx.records[2]!.value.before).toMatchObject({ note: 'full-2' });
    const lsns = tx.records.map((r) => r.value.source.change_lsn!);
    expect([...lsns].sort((a, b) => a - b)).toEqual(lsns);
    for (const r of tx.records)
      expect(r.value.source).toMatchObject({ lsn: tx.commitLsn, txId: tx.xid, schema: 'public', table: 'cdc_fixture_capture', snapshot: false });
  });

  it('truncate: a keyless t event', () => {
    const [rec] = assemble('truncate').records;
    expect(rec).toMatchObject({ key: null, value: { op: 't', before: null, after: null } });
  });
});
