import type { Redis } from '@upstash/redis';
import type { Logger } from '../log.ts';
import { countLocally, type LocalWindows, SLIDING_WINDOWS_SCRIPT, tightest, windowChecks, windowsCall, type WindowLimit } from './sliding-window.ts';

// Sliding-window write limits per client IP and per user, shared by every edge instance
// through their own Redis database, both checked by one script: one round trip per write (two
// limiters took two, each as long as the write's own forward on a loaded edge). If it cannot
// answer (refused, failing, or slower than timeoutMs), the instance counts the write against the
// same limits on its own, and logs it: an outage of the limiter must not stop checkout, nor lift
// the limits (a flood that slows the limiter's Redis would otherwise let every write through);
// the limit is then per instance, and core still guards stock and payments on its own.
export type LimitVerdict = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export type WriteLimiter = (ip: string, userId: string | null) => Promise<LimitVerdict>;

const WINDOW_MS = 60_000;
/** Keys an instance counts on its own before it starts over (an outage's memory stays bounded). */
const MAX_LOCAL_KEYS = 50_000;

function verdictOf(limits: readonly WindowLimit[], answers: readonly number[], now: number): LimitVerdict {
  const worst = tightest(windowChecks(limits, answers, now, WINDOW_MS));
  return { allowed: worst.success, limit: worst.limit, remaining: worst.remaining, resetSeconds: Math.max(0, Math.ceil((worst.reset - Date.now()) / 1000)) };
}

export function createWriteLimiter(
  redis: Redis,
  opts: { ipPerMinute: number; userPerMinute: number; timeoutMs: number; prefix: string; log: Logger },
): WriteLimiter {
  const script = redis.createScript<number[]>(SLIDING_WINDOWS_SCRIPT);
  const local: LocalWindows = new Map();
  return async (ip, userId) => {
    const limits: WindowLimit[] = [
      { tokens: opts.ipPerMinute, key: `${opts.prefix}:ip:${ip}` },
      ...(userId ? [{ tokens: opts.userPerMinute, key: `${opts.prefix}:user:${userId}` }] : []),
    ];
    const now = Date.now();
    const { keys, args } = windowsCall(limits, now, WINDOW_MS);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const answers = await Promise.race([
        script.exec(keys, args),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
        }),
      ]);
      return verdictOf(limits, answers, now);
    } catch (e) {
      opts.log.warn('rate limiter unavailable; counting writes on this instance', { error: (e as Error).message });
      if (local.size > MAX_LOCAL_KEYS) local.clear();
      return verdictOf(limits, countLocally(local, limits, now, WINDOW_MS), now);
    } finally {
      clearTimeout(timer);
    }
  };
}

export function rateLimitHeaders(v: LimitVerdict): Record<string, string> {
  return { 'RateLimit-Limit': String(v.limit), 'RateLimit-Remaining': String(v.remaining), 'RateLimit-Reset': String(v.resetSeconds) };
}
