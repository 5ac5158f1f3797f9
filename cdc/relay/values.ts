import { int8FromText } from '../../config/postgres.ts';
import type { JsonValue } from '../../openapi/internal/events.ts';

// Text-format column values (as pgoutput sends them) turned into JSON values by type OID.
// Deliberate choices: numeric stays a string (exact, like Debezium's decimal.handling.mode=string);
// int8 is a number while it is a safe integer, else a string (int8FromText, the rule of every
// Postgres connection we open); timestamps become ISO 8601 in UTC
// (timestamp without time zone is read as UTC); json/jsonb are parsed; arrays become JSON arrays.
const OID = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  oid: 26,
  json: 114,
  float4: 700,
  float8: 701,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
  jsonb: 3802,
} as const;

// Array type OID → element type OID, for the element types above and the common text-likes.
const ARRAY_ELEMENT: Record<number, number> = {
  1000: OID.bool,
  1005: OID.int2,
  1007: OID.int4,
  1016: OID.int8,
  1021: OID.float4,
  1022: OID.float8,
  1231: OID.numeric,
  199: OID.json,
  3807: OID.jsonb,
  1115: OID.timestamp,
  1185: OID.timestamptz,
  1182: OID.date,
  1009: 25,
  1015: 1043,
  1014: 1042,
  2951: 2950,
  1001: OID.bytea,
};

function float(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) ? n : text; // NaN / Infinity have no JSON number
}

/** "2024-05-01 10:20:30.123456+05:30" → "2024-05-01T04:50:30.123456Z", keeping microseconds. */
export function timestampToIso(text: string, withZone: boolean): string {
  const utc = utcWithoutArithmetic(text, withZone);
  if (utc !== null) return utc;
  const m = /^(\d{4,})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-]\d\d(?::?\d\d)?(?::?\d\d)?)?( BC)?$/.exec(text);
  if (!m || m[9] || m[1]!.length > 4) return text; // infinity, -infinity, BC dates, years past 9999: kept verbatim
  const [, y, mo, d, h, mi, s, frac = '', zone] = m;
  const micros = frac.padEnd(6, '0');
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (withZone && zone) {
    const z = /^([+-])(\d\d):?(\d\d)?:?(\d\d)?$/.exec(zone)!;
    const offsetS = Number(z[2]) * 3600 + Number(z[3] ?? 0) * 60 + Number(z[4] ?? 0);
    ms -= (z[1] === '-' ? -1 : 1) * offsetS * 1000;
  }
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z
  return `${iso.slice(0, 19)}.${micros}Z`;
}

// Nearly every timestamp the relay sees is a four-digit year in UTC ("2026-12-03 17:43:28.1234+00"):
// a rearrangement of its characters, without the regular expression and Date arithmetic.
const SHAPE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
function utcWithoutArithmetic(text: string, withZone: boolean): string | null {
  let end = text.length;
  if (withZone) {
    if (!text.endsWith('+00')) return null;
    end -= 3;
  }
  const dot = text.indexOf('.', 19);
  const frac = dot === 19 ? text.slice(20, end) : '';
  if ((dot !== -1 && dot !== 19) || (dot === -1 && end !== 19) || frac.length > 6 || !/^\d*$/.test(frac)) return null;
  const head = text.slice(0, 19);
  if (!SHAPE.test(head)) return null;
  return `${head.slice(0, 10)}T${head.slice(11)}.${frac.padEnd(6, '0')}Z`;
}

/** Parses a Postgres array literal ("{a,\"b c\",NULL}", nested braces allowed) into strings/nulls. */
export function parseArrayLiteral(text: string): unknown[] {
  let i = text.startsWith('[') ? text.indexOf('=') + 1 : 0; // skip explicit bounds "[1:2]={...}"
  const parse = (): unknown[] => {
    if (text[i] !== '{') throw new Error(`not an array literal: ${text}`);
    i++;
    const out: unknown[] = [];
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      if (text[i] === '{') out.push(parse());
      else if (text[i] === '"') {
        i++;
        let s = '';
        while (text[i] !== '"') {
          if (text[i] === '\\') i++;
          s += text[i++];
        }
        i++;
        out.push(s);
      } else {
        let j = i;
        while (text[j] !== ',' && text[j] !== '}') j++;
        const raw = text.slice(i, j).trim();
        out.push(raw === 'NULL' ? null : raw);
        i = j;
      }
      if (text[i] === ',') i++;
      else if (text[i] === '}') {
        i++;
        return out;
      } else throw new Error(`malformed array literal: ${text}`);
    }
  };
  return parse();
}

export function valueFromText(typeOid: number, text: string | null): JsonValue {
  if (text === null) return null;
  const element = ARRAY_ELEMENT[typeOid];
  if (element !== undefined) {
    const map = (xs: unknown[]): JsonValue[] => xs.map((x) => (Array.isArray(x) ? map(x) : valueFromText(element, x as string | null)));
    return map(parseArrayLiteral(text));
  }
  switch (typeOid) {
    case OID.bool:
      return text === 't';
    case OID.int2:
    case OID.int4:
    case OID.oid:
      return Number(text);
    case OID.int8:
      return int8FromText(text);
    case OID.float4:
    case OID.float8:
      return float(text);
    case OID.json:
    case OID.jsonb:
      return JSON.parse(text) as JsonValue;
    case OID.timestamp:
      return timestampToIso(text, false);
    case OID.timestamptz:
      return timestampToIso(text, true);
    default:
      return text; // numeric, text, varchar, bpchar, uuid, date, time, bytea (\x hex), enums, …
  }
}
