import { backoffDelay } from '../backoff.ts';

// When a failed delivery is tried again: cdc's doubling rule (backoff.ts) from baseMs up to
// maxMs, spread ±25 % so endpoints that failed together (a receiver's outage) are not all
// retried in the same instant; after maxAttempts attempts the delivery is dead.

export type RetrySchedule = { baseMs: number; maxMs: number; maxAttempts: number };
export type AfterFailure = { kind: 'retry'; delayMs: number } | { kind: 'dead' };

/** What follows a failure, `attempts` counting every attempt so far (1 after the first); `random` in [0, 1). */
export function afterFailure(attempts: number, s: RetrySchedule, random: number): AfterFailure {
  if (attempts >= s.maxAttempts) return { kind: 'dead' };
  const delay = backoffDelay(Math.max(0, attempts - 1), { initialMs: s.baseMs, maxMs: s.maxMs });
  return { kind: 'retry', delayMs: Math.round(delay * (0.75 + 0.5 * random)) };
}
