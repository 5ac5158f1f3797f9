import { DomainError } from '../errors/domain-error.ts';

// scrypt at OWASP's cost takes 128 MiB and a libuv thread for a good part of a second: a burst
// of sign-ins must not queue without bound (each waiter holds memory and a client that gave up
// long ago). At most `concurrency` hashes run, `queue` more wait; the rest are refused at once
// with 503 and Retry-After, which a client can act on, instead of a 504 after the edge's timeout.
export type PoolLimits = { concurrency: number; queue: number };
export type Admission = 'run' | 'wait' | 'refuse';

export function admit(state: { running: number; waiting: number }, limits: PoolLimits): Admission {
  if (state.running < limits.concurrency) return 'run';
  return state.waiting < limits.queue ? 'wait' : 'refuse';
}

export const RETRY_AFTER_SECONDS = 1;

export type HashPool = <T>(work: () => Promise<T>) => Promise<T>;

export function createHashPool(limits: PoolLimits): HashPool {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return async (work) => {
    const decision = admit({ running, waiting: waiting.length }, limits);
    if (decision === 'refuse') {
      throw new DomainError('overloaded', 'too many sign-ins at once; retry shortly', { retry_after: RETRY_AFTER_SECONDS });
    }
    // A waiter inherits the slot of the hash that finishes, so `running` never overshoots.
    if (decision === 'wait') await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      release();
    }
  };
}
