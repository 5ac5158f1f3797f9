import type { Config } from '../config/index.ts';
import { connect } from '../core/db/connect.ts';

// A bench killed before its clean-up leaves its replication slot behind, inactive: Postgres keeps
// every byte of WAL since for it, and later runs measure the consequence (bench:cdc stalled 10–13 s
// with 3 GB retained by two such slots). Nothing here drops them: a slot is inactive, too, while a
// bench running beside this one sets up its pipeline. The runner says which there are and how to drop them.
export type InactiveSlot = { name: string; retainedBytes: number };

/** The warning for `database`'s inactive slots, or null when there are none. */
export function staleSlotsWarning(database: string, slots: readonly InactiveSlot[]): string | null {
  if (slots.length === 0) return null;
  const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
  const total = slots.reduce((sum, s) => sum + s.retainedBytes, 0);
  return [
    `bench database ${database}: ${slots.length} inactive replication slot${slots.length > 1 ? 's' : ''} keep${slots.length > 1 ? '' : 's'} ${mb(total)} of WAL (left by runs killed before their clean-up; they slow what this run measures):`,
    ...slots.map((s) => `  ${s.name}: ${mb(s.retainedBytes)}`),
    `  unless another bench is running, drop them: ${slots.map((s) => `select pg_drop_replication_slot('${s.name}');`).join(' ')}`,
  ].join('\n');
}

export async function inactiveSlots(bench: Config): Promise<InactiveSlot[]> {
  const sql = connect(bench, { max: 1 });
  try {
    const rows = await sql<{ slot_name: string; retained: string | null }[]>`
      select slot_name, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint::text as retained
      from pg_replication_slots where database = ${bench.POSTGRES_DB} and not active order by slot_name`;
    return rows.map((r) => ({ name: r.slot_name, retainedBytes: Number(r.retained ?? 0) }));
  } finally {
    await sql.end();
  }
}
