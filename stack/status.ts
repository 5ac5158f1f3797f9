import { join } from 'node:path';
import postgres from 'postgres';
import type { Config } from '../config/index.ts';
import { apps } from './apps.ts';
import { readPid } from './proc.ts';
import { services } from './services.ts';

export type ServiceStatus = { name: string; url: string; pid: number | null; healthy: boolean };

async function httpOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

export type SlotStatus = { name: string; database: string; active: boolean; lag_bytes: number | null; wal_status: string | null };

/** Logical slots and how much WAL each holds back: a slot nobody reads grows until max_slot_wal_keep_size. */
export async function replicationSlots(cfg: Config): Promise<SlotStatus[]> {
  const sql = postgres(cfg.databaseUrl, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string; database: string; active: boolean; lag_bytes: string | null; wal_status: string | null }[]>`
      select slot_name as name, database, active, wal_status,
             pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint::text as lag_bytes
      from pg_replication_slots where slot_type = 'logical' order by slot_name`;
    return rows.map((r) => ({ ...r, lag_bytes: r.lag_bytes === null ? null : Number(r.lag_bytes) }));
  } catch {
    return [];
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function stackStatus(cfg: Config): Promise<{ services: ServiceStatus[]; replication_slots: SlotStatus[] }> {
  const rows: ServiceStatus[] = await Promise.all(
    services.map(async (s) => ({ name: s.name, url: s.url(cfg), pid: s.pid(cfg), healthy: await s.healthy(cfg) })),
  );
  for (const a of apps(cfg)) {
    const pid = readPid(join(cfg.stackDir, 'pids', `${a.name}.pid`));
    if (pid !== null || (await httpOk(a.health))) rows.push({ name: a.name, url: a.url, pid, healthy: await httpOk(a.health) });
  }
  return { services: rows, replication_slots: await replicationSlots(cfg) };
}
