import type { Sql, Tx } from '../db/types.ts';
import type { StoredKey } from './rules.ts';

// The idempotency_keys table: one row per (user, route, key), in flight until its answer is recorded.
export type KeyScope = { userId: string; route: string; key: string };
export type KeyRow = StoredKey & { response_status: number | null; response_body: string | null };

/** Claims the key for this request; false when another request holds it (or held it). */
export async function claimKey(sql: Sql, k: KeyScope, requestHash: string, ttlHours: number): Promise<boolean> {
  const claimed = await sql`
    insert into idempotency_keys (user_id, route, key, request_hash, state, expires_at)
    values (${k.userId}, ${k.route}, ${k.key}, ${requestHash}, 'in_flight', now() + make_interval(hours => ${ttlHours}))
    on conflict do nothing returning key`;
  return claimed.length > 0;
}

export async function readKey(sql: Sql, k: KeyScope): Promise<KeyRow | undefined> {
  const [row] = await sql<KeyRow[]>`
    select state, request_hash, expires_at, response_status, response_body from idempotency_keys
    where user_id = ${k.userId} and route = ${k.route} and key = ${k.key}`;
  return row;
}

/** The body is stored as the exact JSON text sent, so a replay is byte-identical. */
export async function recordAnswer(db: Sql | Tx, k: KeyScope, status: number, json: string): Promise<void> {
  await db`
    update idempotency_keys set state = 'done', response_status = ${status}, response_body = ${json}
    where user_id = ${k.userId} and route = ${k.route} and key = ${k.key}`;
}

export async function forgetKey(sql: Sql, k: KeyScope): Promise<void> {
  await sql`delete from idempotency_keys where user_id = ${k.userId} and route = ${k.route} and key = ${k.key}`;
}

export async function dropIfExpired(sql: Sql, k: KeyScope): Promise<void> {
  await sql`delete from idempotency_keys where user_id = ${k.userId} and route = ${k.route} and key = ${k.key} and expires_at <= now()`;
}

export async function purgeExpiredKeys(sql: Sql): Promise<number> {
  const rows = await sql`delete from idempotency_keys where expires_at <= now() returning key`;
  return rows.length;
}
