import { describe, expect, it } from 'vitest';
import { afterFailure, type RetrySchedule } from './schedule.ts';

const DEFAULTS: RetrySchedule = { baseMs: 10_000, maxMs: 4 * 3600_000, maxAttempts: 12 };

describe('afterFailure', () => {
  it.each<[string, number, RetrySchedule, number, ReturnType<typeof afterFailure>]>([
    ['first failure, no jitter drawn at the middle: the base', 1, DEFAULTS, 0.5, { kind: 'retry', delayMs: 10_000 }],
    ['first failure, lowest jitter: 75 %', 1, DEFAULTS, 0, { kind: 'retry', delayMs: 7_500 }],
    ['first failure, highest jitter: just under 125 %', 1, DEFAULTS, 0.999_999, { kind: 'retry', delayMs: 12_500 }],
    ['second failure doubles', 2, DEFAULTS, 0.5, { kind: 'retry', delayMs: 20_000 }],
    ['eleventh failure: 10 s · 2^10', 11, DEFAULTS, 0.5, { kind: 'retry', delayMs: 10_240_000 }],
    ['the cap holds (4 h)', 11, { ...DEFAULTS, maxAttempts: 20 }, 0.5, { kind: 'retry', delayMs: 10_240_000 }],
    ['beyond the cap: 4 h', 13, { ...DEFAULTS, maxAttempts: 20 }, 0.5, { kind: 'retry', delayMs: 14_400_000 }],
    ['the last attempt failed: dead', 12, DEFAULTS, 0.5, { kind: 'dead' }],
    ['past the last (a lowered setting): dead', 15, DEFAULTS, 0.5, { kind: 'dead' }],
    ['one attempt allowed: dead at once', 1, { ...DEFAULTS, maxAttempts: 1 }, 0.5, { kind: 'dead' }],
    ['shrunk for tests', 3, { baseMs: 100, maxMs: 300, maxAttempts: 4 }, 0.5, { kind: 'retry', delayMs: 300 }],
  ])('%s', (_, attempts, schedule, random, expected) => expect(afterFailure(attempts, schedule, random)).toEqual(expected));

  it('the default schedule retries for about 5.7 hours before the twelfth attempt', () => {
    let total = 0;
    for (let n = 1; n < DEFAULTS.maxAttempts; n++) {
      const next = afterFailure(n, DEFAULTS, 0.5);
      if (next.kind === 'retry') total += next.delayMs;
    }
    expect(total / 3600_000).toBeCloseTo(5.69, 1);
  });
});
