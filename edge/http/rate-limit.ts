import type { Redis } from '@upstash/redis';
import type { Logger } from '../log.ts';
import { SLIDING_WINDOWS_SCRIPT, tightest, windowChecks, windowsCall, type WindowLimit } from './sliding-window.ts';

// Sliding-window write limits per client IP and per user, shared by every edge instance
// through their own Redis database, both checked by one script: one round trip per write (two
// limiters took two, each as long as the write's own forward on a loaded edge). If it cannot
// answer (refused, failing, or slower than timeoutMs), the write is let through without
// RateLimit headers and logged: an outage of the limiter must not stop checkout, and core still
// guards stock and payments on its own.
export type LimitVerdict = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export type WriteLimiter = (ip: string, userId: string | null) => Promise<LimitVerdict | null>;

const WINDOW_MS = 60_000;

export function createWriteLimiter(
  redis: Redis,
  opts: { ipPerMinute: number; userPerMinute: number; timeoutMs: number; prefix: string; log: Logger },
): WriteLimiter {
  const script = redis.createScript<number[]>(SLIDING_WINDOWS_SCRIPT);
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
      const worst = tightest(windowChecks(limits, answers, now, WINDOW_MS));
      return {
        allowed: worst.success,
        limit: worst.limit,
        remaining: worst.remaining,
        resetSeconds: Math.max(0, Math.ceil((worst.reset - Date.now()) / 1000)),
      };
    } catch (e) {
      opts.log.warn('rate limiter unavailable; letting the write through', { error: (e as Error).message });
      return null;
    } finally {
      clearTimeout(timer);
    }
  };
}

export function rateLimitHeaders(v: LimitVerdict): Record<string, string> {
  return { 'RateLimit-Limit': String(v.limit), 'RateLimit-Remaining': String(v.remaining), 'RateLimit-Reset': String(v.resetSeconds) };
}
