import { describe, expect, it } from 'vitest';
import { backoffDelay, OUTAGE_BACKOFF, pollUntil, retry } from './backoff.ts';

describe('backoffDelay', () => {
  it.each([
    [0, 200],
    [1, 400],
    [4, 3200],
    [5, 5000],
    [60, 5000],
  ])('attempt %i of an outage waits %i ms', (attempt, ms) => {
    expect(backoffDelay(attempt, OUTAGE_BACKOFF)).toBe(ms);
  });

  it('can wait nothing at all (tests)', () => {
    expect(backoffDelay(3, { initialMs: 0, maxMs: 0 })).toBe(0);
  });
});

const none = { initialMs: 0, maxMs: 0 };

describe('retry', () => {
  it('retries until the task resolves, reporting each failure', async () => {
    const errors: number[] = [];
    const result = await retry(
      async (attempt) => {
        if (attempt < 2) throw new Error(`fail ${attempt}`);
        return attempt;
      },
      { backoff: none, onError: (_, attempt) => errors.push(attempt) },
    );
    expect(result).toBe(2);
    expect(errors).toEqual([0, 1]);
  });

  it('reports the last failure and rethrows it instead of retrying once stopped', async () => {
    let calls = 0;
    const errors: number[] = [];
    const failing = retry(
      async () => {
        calls++;
        throw new Error('down');
      },
      { backoff: none, onError: (_, attempt) => errors.push(attempt), stopped: () => calls >= 3 },
    );
    await expect(failing).rejects.toThrow('down');
    expect(errors).toEqual([0, 1, 2]);
  });
});

describe('pollUntil', () => {
  it('answers true as soon as the check does', async () => {
    let n = 0;
    expect(await pollUntil(async () => ++n === 3, { backoff: none, timeoutMs: 1000 })).toBe(true);
    expect(n).toBe(3);
  });

  it('answers false after the timeout', async () => {
    expect(await pollUntil(async () => false, { backoff: { initialMs: 1, maxMs: 2 }, timeoutMs: 20 })).toBe(false);
  });
});
