import { describe, expect, it } from 'vitest';
import { parseArrayLiteral, timestampToIso, valueFromText } from './values.ts';
import { formatLsn, parseLsn } from './lsn.ts';
import { parseFrame, standbyStatus } from './protocol.ts';

describe('valueFromText', () => {
  it.each([
    [16, 't', true],
    [16, 'f', false],
    [21, '-7', -7],
    [23, '2147483647', 2147483647],
    [20, '9007199254740991', 9007199254740991],
    [20, '9007199254740993', '9007199254740993'],
    [1700, '12.50', '12.50'],
    [701, '1.5e3', 1500],
    [701, 'Infinity', 'Infinity'],
    [25, 'hello', 'hello'],
    [1042, 'INR', 'INR'],
    [3802, '{"a": [1, null]}', { a: [1, null] }],
    [114, '[1, "x"]', [1, 'x']],
    [1184, '2024-05-01 10:20:30.5+05:30', '2024-05-01T04:50:30.500000Z'],
    [1184, '2024-05-01 10:20:30-03', '2024-05-01T13:20:30.000000Z'],
    [1184, 'infinity', 'infinity'],
    [1114, '1999-12-31 23:59:59.999999', '1999-12-31T23:59:59.999999Z'],
    [1009, '{}', []],
    [1009, '{"a b",NULL,"\\\\"}', ['a b', null, '\\']],
    [
      1007,
      '{{1,2},{3,NULL}}',
      [
        [1, 2],
        [3, null],
      ],
    ],
    [1231, '{1.10,2}', ['1.10', '2']],
    [1000, '{t,f}', [true, false]],
    [25, null, null],
  ])('type %i %j → %j', (oid, text, expected) => {
    expect(valueFromText(oid, text)).toEqual(expected);
  });

  it('reads explicit array bounds', () => {
    expect(parseArrayLiteral('[0:1]={x,y}')).toEqual(['x', 'y']);
  });

  it.each([
    ['2026-12-03 17:43:28.123456+00', true],
    ['2026-12-03 17:43:28.1+00', true],
    ['2026-12-03 17:43:28+00', true],
    ['2026-12-03 17:43:28+00:00', true],
    ['2026-12-03 23:43:28.5+05:30', true],
    ['2026-12-03 17:43:28.123456-08', true],
    ['2026-12-03 17:43:28.123456', false],
    ['2026-12-03 17:43:28', false],
    ['2026-12-03 17:43:28.00000+00', true],
  ])('%s reads as the instant Date.parse gives it, in microseconds', (text, withZone) => {
    const iso = timestampToIso(text, withZone);
    expect(iso).toMatch(/^\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const frac = /\.(\d+)/.exec(text)?.[1] ?? '';
    expect(iso.slice(-7, -1)).toBe(frac.padEnd(6, '0'));
    const asDate =
      text
        .replace(' ', 'T')
        .replace(/\.\d+/, '')
        .replace(/([+-]\d\d)$/, '$1:00') + (withZone ? '' : 'Z');
    expect(Date.parse(`${iso.slice(0, 19)}Z`)).toBe(Date.parse(asDate));
  });

  it('keeps BC timestamps and years past 9999 verbatim', () => {
    expect(timestampToIso('0044-03-15 00:00:00 BC', false)).toBe('0044-03-15 00:00:00 BC');
    expect(timestampToIso('12026-12-03 17:43:28+00', true)).toBe('12026-12-03 17:43:28+00');
  });
});

describe('LSNs and replication frames', () => {
  it.each([
    ['0/0', 0],
    ['0/16B3748', 0x16b3748],
    ['16/B374D848', 0x16 * 2 ** 32 + 0xb374d848],
  ])('%s ↔ %d', (text, n) => {
    expect(parseLsn(text)).toBe(n);
    expect(formatLsn(n)).toBe(text.toUpperCase());
  });

  it('round-trips a standby status update and parses keepalives and XLogData', () => {
    const lsn = parseLsn('1/2345678');
    const status = standbyStatus(lsn, Date.UTC(2000, 0, 1) + 1, true);
    expect(status.length).toBe(34);
    expect(status[0]).toBe(0x72);
    expect(status.readBigInt64BE(25)).toBe(1000n);
    expect(status[33]).toBe(1);
    const keepalive = Buffer.alloc(18);
    keepalive[0] = 0x6b;
    status.copy(keepalive, 1, 1, 9);
    keepalive[17] = 1;
    expect(parseFrame(keepalive)).toEqual({ kind: 'keepalive', walEnd: lsn, replyRequested: true });
    const xlog = Buffer.concat([Buffer.from([0x77]), status.subarray(1, 9), status.subarray(1, 9), Buffer.alloc(8), Buffer.from('B')]);
    expect(parseFrame(xlog)).toMatchObject({ kind: 'xlog', walStart: lsn, walEnd: lsn, payload: Buffer.from('B') });
  });
});
