// The one waiting rule of cdc/: after the n-th failed attempt (from 0) wait initialMs · 2ⁿ,
// capped at maxMs. Every retry loop (Kafka sends, replication sessions, consumer batches) and
// every poll (transaction visibility, a slot still held) goes through here.

export type Backoff = { initialMs: number; maxMs: number };

/** Outages of Kafka, Postgres or Elasticsearch: first retry quickly, then every 5 s. */
export const OUTAGE_BACKOFF: Backoff = { initialMs: 200, maxMs: 5000 };

export const backoffDelay = (attempt: number, b: Backoff): number => Math.min(b.maxMs, b.initialMs * 2 ** attempt);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `task` until it resolves, reporting and waiting after each failure. When `stopped()` is
 * true after a failure, it is rethrown instead (a worker shutting down must not keep retrying).
 */
export async function retry<T>(
  task: (attempt: number) => Promise<T>,
  opts: { backoff?: Backoff; onError(error: unknown, attempt: number): void; stopped?: () => boolean },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task(attempt);
    } catch (e) {
      opts.onError(e, attempt);
      if (opts.stopped?.()) throw e;
      await sleep(backoffDelay(attempt, opts.backoff ?? OUTAGE_BACKOFF));
    }
  }
}

/** Checks until `check` says yes (true) or `timeoutMs` passed (false), waiting longer between checks. */
export async function pollUntil(check: () => Promise<boolean>, opts: { backoff: Backoff; timeoutMs: number }): Promise<boolean> {
  const deadline = Date.now() + opts.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(backoffDelay(attempt, opts.backoff));
  }
}
