import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../openapi/internal/events.ts';
import type { IncomingMessage } from '../kafka.ts';
import { decodeBatch, decodeEnvelope } from './decode.ts';

const source = {
  connector: 'postgresql',
  db: 'd',
  schema: 'public',
  table: 'products',
  txId: 7,
  lsn: 100,
  change_lsn: 90,
  ts_ms: 1,
  ts_us: 1000,
  snapshot: false,
};
const envelope = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ before: null, after: { id: 'a', price: '1.50' }, source, op: 'c', ts_ms: 2, ...over });

describe('decodeEnvelope', () => {
  it.each([
    ['an insert', envelope(), true],
    ['a delete with before', envelope({ op: 'd', before: { id: 'a' }, after: null }), true],
    ['a truncate without rows', envelope({ op: 't', after: null }), true],
    ['a snapshot read', envelope({ op: 'r', source: { ...source, txId: null, change_lsn: null, snapshot: true } }), true],
    ['fields the contract does not know yet', envelope({ transaction: { id: '7' } }), true],
    ['an insert without after', envelope({ after: null }), 'schema'],
    ['a delete without before', envelope({ op: 'd' }), 'schema'],
    ['an unknown op', envelope({ op: 'x' }), 'schema'],
    ['an LSN as text', envelope({ source: { ...source, lsn: '0/64' } }), 'schema'],
    ['a row that is not an object', envelope({ after: [1] }), 'schema'],
    ['broken JSON', '{"before":', 'json'],
    ['a tombstone', null, 'empty'],
  ])('%s', (_, value, expected) => {
    const d = decodeEnvelope(value);
    expect(d.ok ? true : d.kind).toBe(expected);
  });

  it('names the field that broke the contract', () => {
    expect(decodeEnvelope(envelope({ source: { ...source, lsn: '0/64' } }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^source\.lsn: /) });
  });

  it('keeps the values as the relay wrote them', () => {
    const d = decodeEnvelope(envelope());
    expect(d.ok && (d.envelope satisfies Envelope)).toMatchObject({ after: { id: 'a', price: '1.50' }, source: { lsn: 100 } });
  });
});

describe('decodeBatch', () => {
  it('separates events from rejected messages, keeping order', () => {
    const msg = (offset: string, value: string | null): IncomingMessage => ({ topic: 't', partition: 0, offset, key: null, value, timestamp: 0 });
    const { events, rejected } = decodeBatch([msg('1', envelope()), msg('2', 'nope'), msg('3', envelope({ op: 'u' }))]);
    expect(events.map((e) => e.op)).toEqual(['c', 'u']);
    expect(rejected.map((r) => [r.message.offset, r.kind])).toEqual([['2', 'json']]);
  });
});
