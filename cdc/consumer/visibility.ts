import type { Sql } from 'postgres';
import { pollUntil } from '../backoff.ts';

// A consumer that re-reads rows from Postgres when an event arrives (the indexer, the webhook
// sender) must wait for the commit to be visible. A commit reaches the WAL (and so the relay,
// Kafka and us) a moment before Postgres makes it visible to new snapshots; on a busy machine a
// re-read in that moment returns the row as it was before: the indexer would give the document
// the event's version anyway and, if that was the row's last change, keep the old row for good.
// So before reading, wait until every transaction of the batch is visible to a fresh snapshot.

const MAX_WAIT_MS = 5000;

/** Event xids are 32-bit; the snapshot's xmax gives the epoch to compare them as xid8. */
const VISIBLE = `
  with s as (select pg_current_snapshot() as snap),
       m as (select snap, pg_snapshot_xmax(snap)::text::bigint as xmax from s),
       f as (select snap, ((xmax >> 32) << 32) + x as xid_full, xmax from m, unnest($1::bigint[]) as x)
  select coalesce(bool_and(pg_visible_in_snapshot(
           (case when xid_full >= xmax then xid_full - 4294967296 else xid_full end)::text::xid8, snap)), true) as visible
  from f`;

export async function waitUntilVisible(sql: Sql, xids: readonly number[], onSlow?: (waitedMs: number) => void): Promise<boolean> {
  const ids = [...new Set(xids.filter((x) => Number.isInteger(x) && x >= 3))];
  if (ids.length === 0) return true;
  const started = Date.now();
  const visible = await pollUntil(
    async () => {
      const [row] = await sql.unsafe<[{ visible: boolean }]>(VISIBLE, [ids]);
      return row?.visible === true;
    },
    { backoff: { initialMs: 1, maxMs: 50 }, timeoutMs: MAX_WAIT_MS },
  );
  if (!visible) onSlow?.(Date.now() - started);
  return visible;
}
