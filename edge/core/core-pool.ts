// Which core a request goes to, when there are several (CORE_URLS): round-robin over the cores
// that are up; a core that failed to connect is down until a /health probe answers, probed
// again after a wait that doubles with each failed probe. When every core is down a request
// still tries them, the one due soonest first: a guess beats a certain 503.
export type CoreHealth = { downSince: number | null; failures: number; probeAt: number };
export type CorePool = { cores: readonly CoreHealth[]; next: number };
export type ProbeBackoff = { initialMs: number; maxMs: number };

export const PROBE_BACKOFF: ProbeBackoff = { initialMs: 250, maxMs: 10_000 };

export const newPool = (size: number): CorePool => ({ cores: Array.from({ length: size }, () => ({ downSince: null, failures: 0, probeAt: 0 })), next: 0 });

const isUp = (c: CoreHealth) => c.downSince === null;

/** The cores to try for one request, in order: those up (round-robin), then those down (soonest probe first); and the pool after the pick. */
export function pickCores(pool: CorePool): { order: number[]; pool: CorePool } {
  const n = pool.cores.length;
  const rotated = Array.from({ length: n }, (_, k) => (pool.next + k) % n);
  const up = rotated.filter((i) => isUp(pool.cores[i]!));
  const down = rotated.filter((i) => !isUp(pool.cores[i]!)).sort((a, b) => pool.cores[a]!.probeAt - pool.cores[b]!.probeAt);
  const order = [...up, ...down];
  return { order, pool: { ...pool, next: ((order[0] ?? 0) + 1) % n } };
}

const withCore = (pool: CorePool, i: number, core: CoreHealth): CorePool => ({ ...pool, cores: pool.cores.map((c, j) => (j === i ? core : c)) });

/** A connection to core `i` failed, or its probe did: down, next probe after the backoff. */
export function markDown(pool: CorePool, i: number, now: number, backoff: ProbeBackoff = PROBE_BACKOFF): CorePool {
  const c = pool.cores[i]!;
  const failures = c.failures + 1;
  return withCore(pool, i, { downSince: c.downSince ?? now, failures, probeAt: now + Math.min(backoff.maxMs, backoff.initialMs * 2 ** (failures - 1)) });
}

/** Core `i` answered (a request or a probe): up again. */
export function markUp(pool: CorePool, i: number): CorePool {
  return isUp(pool.cores[i]!) && pool.cores[i]!.failures === 0 ? pool : withCore(pool, i, { downSince: null, failures: 0, probeAt: 0 });
}

/** The down cores whose probe is due. */
export const probesDue = (pool: CorePool, now: number): number[] => pool.cores.flatMap((c, i) => (!isUp(c) && c.probeAt <= now ? [i] : []));
