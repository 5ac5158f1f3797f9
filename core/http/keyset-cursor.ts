import { KEYSET_CURSOR_PATTERN } from '../../openapi/schemas/common.ts';
import type { Sql } from '../db/types.ts';

// The keyset cursor of every list core pages newest first (openapi/schemas/common.ts). Microseconds
// travel as text and reach Postgres as an integer count from the epoch: postgres.js would pass a
// timestamptz parameter through a JS Date, which keeps milliseconds only.
export type KeysetCursor = { micros: string; id: string };

/** `created_at` of table alias `t` in epoch microseconds as text, for `select … as created_micros`. */
export const createdMicros = (sql: Sql, t: string) => sql.unsafe(`(extract(epoch from ${t}.created_at) * 1000000)::bigint::text`);

export const encodeKeysetCursor = (row: { created_micros: string; id: string }): string => `${row.created_micros}_${row.id}`;

/** The cursor, or null when `raw` is not of the contract's form (the caller decides what that means). */
export function decodeKeysetCursor(raw: string): KeysetCursor | null {
  const m = KEYSET_CURSOR_PATTERN.exec(raw);
  return m ? { micros: m[1]!, id: m[2]! } : null;
}

/** `(created_at, id) < cursor` for table alias `t`; true without a cursor. */
export const beforeCursor = (sql: Sql, t: string, c: KeysetCursor | null) =>
  c ? sql`(${sql.unsafe(`${t}.created_at, ${t}.id`)}) < (timestamptz 'epoch' + ${c.micros}::bigint * interval '1 microsecond', ${c.id}::uuid)` : sql`true`;
