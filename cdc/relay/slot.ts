import type { Sql } from 'postgres';
import { pollUntil } from '../backoff.ts';

// The replication slot's bookkeeping: whether its initial snapshot reached Kafka completely
// (the relay's own table cdc_relay_state, not published; a slot without the mark was
// interrupted during its snapshot and is recreated), its existence, removal and lag.

export async function ensureStateTable(sql: Sql): Promise<void> {
  await sql`create table if not exists cdc_relay_state (slot text primary key, snapshot_lsn text not null, snapshot_completed_at timestamptz not null default now())`;
}

export async function snapshotCompleted(sql: Sql, slot: string): Promise<boolean> {
  const [row] = await sql`select 1 from cdc_relay_state where slot = ${slot}`;
  return Boolean(row);
}

export async function markSnapshotCompleted(sql: Sql, slot: string, lsn: string): Promise<void> {
  await sql`insert into cdc_relay_state (slot, snapshot_lsn) values (${slot}, ${lsn})
            on conflict (slot) do update set snapshot_lsn = excluded.snapshot_lsn, snapshot_completed_at = now()`;
}

export async function slotExists(sql: Sql, slot: string): Promise<boolean> {
  const [row] = await sql`select 1 from pg_replication_slots where slot_name = ${slot}`;
  return Boolean(row);
}

const PREVIOUS_HOLDER_TIMEOUT_MS = 30_000;

/** Drops the slot (waiting up to 30 s for a previous holder to let go) and forgets its snapshot mark. */
export async function dropSlot(sql: Sql, slot: string): Promise<void> {
  await pollUntil(
    async () => {
      const [row] = await sql<{ active_pid: number | null }[]>`select active_pid from pg_replication_slots where slot_name = ${slot}`;
      if (!row) return true;
      if (row.active_pid !== null) return false;
      await sql`select pg_drop_replication_slot(${slot})`;
      return true;
    },
    { backoff: { initialMs: 100, maxMs: 1000 }, timeoutMs: PREVIOUS_HOLDER_TIMEOUT_MS },
  );
  await sql`delete from cdc_relay_state where slot = ${slot}`.catch(() => undefined);
}

export async function slotLagBytes(sql: Sql, slot: string): Promise<number | null> {
  const [row] = await sql<
    { lag: number | null }[]
  >`select (pg_current_wal_lsn() - confirmed_flush_lsn)::float8 as lag from pg_replication_slots where slot_name = ${slot}`;
  return row?.lag ?? null;
}
