import { join } from 'node:path';
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

export async function stackStatus(cfg: Config): Promise<{ services: ServiceStatus[] }> {
  const rows: ServiceStatus[] = await Promise.all(
    services.map(async (s) => ({ name: s.name, url: s.url(cfg), pid: s.pid(cfg), healthy: await s.healthy(cfg) })),
  );
  for (const a of apps(cfg)) {
    const pid = readPid(join(cfg.stackDir, 'pids', `${a.name}.pid`));
    if (pid !== null || (await httpOk(a.health))) rows.push({ name: a.name, url: a.url, pid, healthy: await httpOk(a.health) });
  }
  return { services: rows };
}
