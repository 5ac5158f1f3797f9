import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { config } from '../config/index.ts';
import { services } from '../stack/services.ts';

// Where the CPU went during a measured window: each part of the system (a process of ours or a
// stack service) with every process under it (Postgres's backends, workerd under Miniflare),
// read from /proc. Printed per paid order beside a throughput figure, it says which part a
// ratio's gap is made of; on a shared 2-core machine the absolute figures are noisy, the split
// less so.

type ProcessTicks = { ppid: number; ticks: number };

function readProcesses(): Map<number, ProcessTicks> {
  const out = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // fields after the parenthesised command name: state ppid ... utime(14) stime(15), 1-based
      const after = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ').pop()!.split(' ');
      out.set(Number(entry), { ppid: Number(after[1]), ticks: Number(after[11]) + Number(after[12]) });
    } catch {
      // the process ended between the listing and the read
    }
  }
  return out;
}

/** Ticks spent by each group's roots and their descendants between two snapshots. */
export function ticksByGroup(
  roots: Record<string, readonly number[]>,
  before: ReadonlyMap<number, ProcessTicks>,
  after: ReadonlyMap<number, ProcessTicks>,
): Record<string, number> {
  const owner = new Map<number, string>();
  for (const [group, pids] of Object.entries(roots)) for (const pid of pids) owner.set(pid, group);
  const groupOf = (pid: number): string | undefined => {
    const seen = new Set<number>();
    for (let p = pid; p > 1 && !seen.has(p); p = after.get(p)?.ppid ?? 0) {
      seen.add(p);
      const g = owner.get(p);
      if (g) return g;
    }
    return undefined;
  };
  const out: Record<string, number> = Object.fromEntries(Object.keys(roots).map((g) => [g, 0]));
  for (const [pid, now] of after) {
    const g = groupOf(pid);
    if (g) out[g]! += now.ticks - (before.get(pid)?.ticks ?? 0);
  }
  return out;
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The stack's services by name (postgres, redis, upstash, kafka, elasticsearch...), as running now. */
export function stackRoots(): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const s of services) {
    const pid = s.pid(config);
    if (pid !== null) out[s.name] = [pid];
  }
  return out;
}

export type CpuWindow = { stop(): Record<string, number> };

/** Starts a window over these groups; stop() gives each group's CPU as percent of one core. */
export function watchCpu(roots: Record<string, readonly number[]>): CpuWindow {
  const before = readProcesses();
  const started = performance.now();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const ticks = ticksByGroup(roots, before, readProcesses());
      return Object.fromEntries(Object.entries(ticks).map(([g, t]) => [g, (100 * t) / ticksPerSecond / seconds]));
    },
  };
}

/** "core 52% (0.57/order) · postgres 61% ..." sorted by share, with each group's cost per unit of work. */
export function formatCpu(percentOfACore: Record<string, number>, perSecond: number, unit: string): string {
  return Object.entries(percentOfACore)
    .filter(([, pct]) => pct >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([g, pct]) => `${g} ${pct.toFixed(0)}% (${perSecond > 0 ? (pct / perSecond).toFixed(2) : '-'}/${unit})`)
    .join(' · ');
}
