import type { Tx } from '../db/types.ts';

// Orders whose expiry failed are set aside (order_expiry_failures) and retried later with a
// growing delay, so one order that cannot be released neither blocks the sweep nor fills the
// log every few seconds, yet is released by itself once an operator repairs what it tripped on.
const FIRST_RETRY_SECONDS = 60;
const LAST_RETRY_SECONDS = 3600;

/** Seconds until the next try after `attempts` failures: 1 min, doubling, at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), LAST_RETRY_SECONDS);
}

export type SetAside = { order_id: string; attempts: number; error: string; retry_at: string };

/** Records a failed expiry of a locked order, in the sweeper's transaction (the failed work rolled back to its savepoint). */
export async function setAside(tx: Tx, orderId: string, error: string): Promise<SetAside> {
  const [seen] = await tx<{ attempts: number }[]>`select attempts from order_expiry_failures where order_id = ${orderId}`;
  const attempts = (seen?.attempts ?? 0) + 1;
  const [row] = await tx<{ retry_at: Date }[]>`
    insert into order_expiry_failures (order_id, attempts, error, retry_at)
    values (${orderId}, ${attempts}, ${error}, now() + make_interval(secs => ${retryDelaySeconds(attempts)}))
    on conflict (order_id) do update set attempts = excluded.attempts, error = excluded.error, failed_at = now(), retry_at = excluded.retry_at
    returning retry_at`;
  return { order_id: orderId, attempts, error, retry_at: row!.retry_at.toISOString() };
}

export async function clearFailure(tx: Tx, orderId: string): Promise<void> {
  await tx`delete from order_expiry_failures where order_id = ${orderId}`;
}
