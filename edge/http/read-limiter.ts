import type { Redis } from '@upstash/redis';
import { problem } from '../../openapi/problem.ts';
import type { Logger } from '../log.ts';
import { countRead, learnTotal, type ReadTally, WINDOW_MS, windowOf } from './read-limit.ts';

// Public reads per client address (read-limit.ts decides): answered before routing, so a cached
// read stays cheap; the shared count lives in the limits' own Redis and is updated in the
// background (waitUntil under workerd). When that Redis fails, each instance keeps counting on its
// own: the limit fails open to a per-instance one, and reads go on.
const MAX_ADDRESSES = 50_000;

export type ReadLimiter = (ip: string, waitUntil: (p: Promise<unknown>) => void) => Response | undefined;

export function createReadLimiter(redis: Redis, opts: { perMinute: number; prefix: string; log: Logger; now?: () => number }): ReadLimiter {
  const now = opts.now ?? Date.now;
  const tallies = new Map<string, ReadTally>();
  let window = 0;
  return (ip, waitUntil) => {
    const at = now();
    if (windowOf(at) !== window || tallies.size > MAX_ADDRESSES) {
      tallies.clear();
      window = windowOf(at);
    }
    const step = countRead(tallies.get(ip), at, opts.perMinute);
    tallies.set(ip, step.tally);
    if (!step.allowed) {
      const p = problem(429, 'rate-limited', 'Too many requests', `reads are limited to ${opts.perMinute} a minute per address`);
      return Response.json(p, { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': String(step.retryAfterSeconds) } });
    }
    if (step.flush > 0) {
      const key = `${opts.prefix}:read:${ip}:${window}`;
      const counted = window;
      waitUntil(
        redis
          .pipeline()
          .incrby(key, step.flush)
          .pexpire(key, 2 * WINDOW_MS)
          .exec<[number, number]>()
          .then(([total]) => {
            const t = tallies.get(ip);
            if (t) tallies.set(ip, learnTotal(t, counted, total));
          })
          .catch((e: Error) => opts.log.warn('read limiter unavailable; counting alone', { error: e.message })),
      );
    }
    return undefined;
  };
}
