import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';
import type { Logger } from '../log.ts';

// Sliding-window write limits per client IP and per user, shared by every edge instance
// through their own Redis database. If it cannot answer (refused, failing, or slower than
// timeoutMs), the write is let through without RateLimit headers and logged: an outage of the
// limiter must not stop checkout, and core still guards stock and payments on its own.
export type LimitVerdict = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export type WriteLimiter = (ip: string, userId: string | null) => Promise<LimitVerdict | null>;

export function createWriteLimiter(
  redis: Redis,
  opts: { ipPerMinute: number; userPerMinute: number; timeoutMs: number; prefix: string; log: Logger },
): WriteLimiter {
  const make = (perMinute: number, kind: string) =>
    new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(perMinute, '60 s'), prefix: `${opts.prefix}:${kind}`, timeout: opts.timeoutMs, analytics: false });
  const byIp = make(opts.ipPerMinute, 'ip');
  const byUser = make(opts.userPerMinute, 'user');
  return async (ip, userId) => {
    try {
      const checks = await Promise.all([byIp.limit(ip), ...(userId ? [byUser.limit(userId)] : [])]);
      // @upstash/ratelimit answers a timeout with success and a limit of 0, not an error
      if (checks.some((c) => c.reason === 'timeout')) throw new Error(`no answer within ${opts.timeoutMs} ms`);
      // Report the tightest limit: the one denying, else the one with the least room left.
      const worst = checks.reduce((a, b) => (!b.success && a.success ? b : a.success === b.success && b.remaining < a.remaining ? b : a));
      return {
        allowed: worst.success,
        limit: worst.limit,
        remaining: Math.max(0, worst.remaining),
        resetSeconds: Math.max(0, Math.ceil((worst.reset - Date.now()) / 1000)),
      };
    } catch (e) {
      opts.log.warn('rate limiter unavailable; letting the write through', { error: (e as Error).message });
      return null;
    }
  };
}

export function rateLimitHeaders(v: LimitVerdict): Record<string, string> {
  return { 'RateLimit-Limit': String(v.limit), 'RateLimit-Remaining': String(v.remaining), 'RateLimit-Reset': String(v.resetSeconds) };
}
