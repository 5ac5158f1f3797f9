import type { SlotStatus } from '../../stack/status.ts';

// A bench or test run killed before its clean-up leaves its replication slots behind, inactive:
// Postgres keeps every byte of WAL since for them, and later runs pay for it (bench:cdc stalled
// 10–13 s with 3 GB retained by two such slots). Nothing here drops them: a slot is inactive, too,
// while a run beside this one sets up its pipeline. The bench runner and the suite's global setup
// say which there are and how to drop them.

/** The warning for `database`'s inactive slots among `slots` (stack/status.ts), or null when there are none. */
export function staleSlotsWarning(kind: 'bench' | 'test', database: string, slots: readonly SlotStatus[]): string | null {
  const stale = slots.filter((s) => s.database === database && !s.active);
  if (stale.length === 0) return null;
  const mb = (bytes: number | null) => (bytes === null ? '? MB' : `${Math.round(bytes / 1_048_576)} MB`);
  const total = stale.reduce((sum, s) => sum + (s.lag_bytes ?? 0), 0);
  const plural = stale.length > 1;
  return [
    `${kind} database ${database}: ${stale.length} inactive replication slot${plural ? 's' : ''} keep${plural ? '' : 's'} ${mb(total)} of WAL (left by runs killed before their clean-up; they slow this run):`,
    ...stale.map((s) => `  ${s.name}: ${mb(s.lag_bytes)}`),
    `  unless another ${kind === 'bench' ? 'bench' : 'test run'} is using ${database}, drop them: ${stale.map((s) => `select pg_drop_replication_slot('${s.name}');`).join(' ')}`,
  ].join('\n');
}
