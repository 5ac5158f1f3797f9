import { randomUUID } from 'node:crypto';
import type { Sql, Tx } from '../db/types.ts';
import type { StoredKey } from './rules.ts';

// The idempotency_keys table: one row per (user, route, key), in flight until its answer is
// recorded. Each claim of a key gets its own id, so an attempt that lost the key to a retry
// (after the lock timeout) cannot forget it.
export type KeyScope = { userId: string; route: string; key: string };
export type KeyRow = StoredKey & { response_status: number | null; response_body: string | null; db_now: Date };
export type Claim = string;

/** Claims the key for this request; null when another request holds it (or held it). */
export async function claimKey(sql: Sql, k: KeyScope, requestHash: string, ttlHours: number): Promise<Claim | null> {
  const claim = randomUUID();
  const claimed = await sql`
    insert into idempotency_keys (user_id, route, key, request_hash, state, expires_at, claim)
    values (${k.userId}, ${k.route}, ${k.key}, ${requestHash}, 'in_flight', now() + make_interval(hours => ${ttlHours}), ${claim})
    on conflict do nothing returning key`;
  return claimed.length > 0 ? claim : null;
}

/** Takes over a key still in flight past the lock timeout; null when it finished or another retry took it first. */
export async function reclaimKey(sql: Sql, k: KeyScope, requestHash: string, lockTimeoutMs: number): Promise<Claim | null> {
  const claim = randomUUID();
  const claimed = await sql`
    update idempotency_keys set claim = ${claim}, locked_at = now()
    where user_id = ${k.userId} and route = ${k.route} and key = ${k.key} and request_hash = ${requestHash}
      and state = 'in_flight' and locked_at <= now() - make_interval(secs => ${lockTimeoutMs / 1000})
    returning key`;
  return claimed.length > 0 ? claim : null;
}

export async function readKey(sql: Sql, k: KeyScope): Promise<KeyRow | undefined> {
  const [row] = await sql<KeyRow[]>`
    select state, request_hash, expires_at, locked_at, response_status, response_body, now() as db_now from idempotency_keys
    where user_id = ${k.userId} and route = ${k.route} and key = ${k.key}`;
  return row;
}

/**
 * The body is stored as the exact JSON text sent, so a replay is byte-identical. Records only
 * over a key still in flight: false when another attempt already recorded its answer.
 */
export async function recordAnswer(db: Sql | Tx, k: KeyScope, status: number, json: string): Promise<boolean> {
  const done = await db`
    update idempotency_keys set state = 'done', response_status = ${status}, response_body = ${json}
    where user_id = ${k.userId} and route = ${k.route} and key = ${k.key} and state = 'in_flight'
    returning key`;
  return done.length > 0;
}

export async function forgetKey(sql: Sql, k: KeyScope, claim: Claim): Promise<void> {
  await sql`delete from idempotency_keys where user_id = ${k.userId} and route = ${k.route} and key = ${k.key} and claim = ${claim} and state = 'in_flight'`;
}

export async function dropIfExpired(sql: Sql, k: KeyScope): Promise<void> {
  await sql`delete from idempotency_keys where user_id = ${k.userId} and route = ${k.route} and key = ${k.key} and expires_at <= now()`;
}

export async function purgeExpiredKeys(sql: Sql): Promise<number> {
  const rows = await sql`delete from idempotency_keys where expires_at <= now() returning key`;
  return rows.length;
}
