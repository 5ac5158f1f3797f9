import { createHash } from 'node:crypto';
import type { Sql } from '../db/types.ts';
import { DomainError } from '../errors/domain-error.ts';

// Login and registration are limited per account (the email) and per client address, in
// one-minute windows (Postgres's clock) counted in Postgres: every core instance sees the same counts, and the
// limit fails closed with the database (a sign-in needs it anyway). A refusal says when the
// window ends.
export type SignInLimits = { perAccount: number; perAddress: number };
export type Bucket = { key: string; limit: number };

// A counter locked by a stuck transaction must not hold sign-ins hostage: refuse instead.
const LOCK_TIMEOUT = '1s';

/** The buckets an attempt counts in, sorted so concurrent upserts lock rows in one order. */
export function signInBuckets(email: string, address: string, limits: SignInLimits): Bucket[] {
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
  return [
    { key: `account:${account}`, limit: limits.perAccount },
    { key: `address:${address}`, limit: limits.perAddress },
  ].sort((a, b) => a.key.localeCompare(b.key));
}

/** The first bucket over its limit after this attempt, or null. */
export function overLimit(buckets: Bucket[], counts: Map<string, number>): Bucket | null {
  return buckets.find((b) => (counts.get(b.key) ?? 0) > b.limit) ?? null;
}

/** Counts the attempt and throws 429 when a bucket is over its limit, 503 when the counters cannot be reached. */
export async function countSignIn(sql: Sql, buckets: Bucket[]): Promise<void> {
  let rows: { bucket: string; attempts: number; retry_after: number }[];
  try {
    rows = await sql.begin(async (tx) => {
      await tx`select set_config('lock_timeout', ${LOCK_TIMEOUT}, true)`;
      return tx<{ bucket: string; attempts: number; retry_after: number }[]>`
        insert into sign_in_attempts (bucket, window_start, attempts)
        select b, date_trunc('minute', now()), 1 from unnest(${buckets.map((b) => b.key)}::text[]) with ordinality as u(b, i) order by i
        on conflict (bucket, window_start) do update set attempts = sign_in_attempts.attempts + 1
        returning bucket, attempts, greatest(1, ceil(extract(epoch from window_start + interval '1 minute' - now())))::int as retry_after`;
    });
  } catch {
    throw new DomainError('overloaded', 'sign-in is unavailable; retry shortly', { retry_after: 1 });
  }
  const over = overLimit(buckets, new Map(rows.map((r) => [r.bucket, r.attempts])));
  if (over) {
    const what = over.key.startsWith('account:') ? 'this account' : 'this address';
    throw new DomainError('rate-limited', `too many sign-in attempts for ${what}; retry when the minute is over`, {
      retry_after: rows[0]?.retry_after ?? 60,
    });
  }
}

/** Drops windows that ended (called with the other hourly purges). */
export async function purgeSignInWindows(sql: Sql): Promise<void> {
  await sql`delete from sign_in_attempts where window_start < now() - interval '2 minutes'`;
}
