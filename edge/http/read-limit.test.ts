import { describe, expect, it } from 'vitest';
import { countRead, learnTotal, type ReadTally, WINDOW_MS } from './read-limit.ts';

const T0 = 100 * WINDOW_MS;
const tally = (over: Partial<ReadTally>): ReadTally => ({ window: 100, seen: 0, unflushed: 0, flushedAt: -Infinity, ...over });

describe('countRead', () => {
  it.each([
    ['a first read is allowed and flushed at once', undefined, T0, { allowed: true, tally: tally({ seen: 1, flushedAt: T0 }), flush: 1 }],
    [
      'reads within a second are counted, not flushed',
      tally({ seen: 1, flushedAt: T0 }),
      T0 + 500,
      { allowed: true, tally: tally({ seen: 2, unflushed: 1, flushedAt: T0 }), flush: 0 },
    ],
    [
      'a second later the pending reads go',
      tally({ seen: 5, unflushed: 4, flushedAt: T0 }),
      T0 + 1000,
      { allowed: true, tally: tally({ seen: 6, flushedAt: T0 + 1000 }), flush: 5 },
    ],
    [
      'the last read within the limit',
      tally({ seen: 9, flushedAt: T0 }),
      T0 + 10,
      { allowed: true, tally: tally({ seen: 10, unflushed: 1, flushedAt: T0 }), flush: 0 },
    ],
    [
      'over the limit: refused until the window ends',
      tally({ seen: 10, flushedAt: T0 }),
      T0 + 20_500,
      { allowed: false, tally: tally({ seen: 10, flushedAt: T0 }), retryAfterSeconds: 40 },
    ],
    [
      'refused in the last instant: at least 1 s',
      tally({ seen: 10, flushedAt: T0 }),
      T0 + WINDOW_MS - 1,
      { allowed: false, tally: tally({ seen: 10, flushedAt: T0 }), retryAfterSeconds: 1 },
    ],
    [
      'a new window starts afresh',
      tally({ seen: 10, flushedAt: T0 }),
      T0 + WINDOW_MS,
      { allowed: true, tally: tally({ window: 101, seen: 1, flushedAt: T0 + WINDOW_MS }), flush: 1 },
    ],
  ])('%s', (_, before, now, step) => {
    expect(countRead(before, now, 10)).toEqual(step);
  });
});

describe('learnTotal', () => {
  it.each([
    ['other instances counted more', tally({ seen: 3, unflushed: 1 }), 100, 8, tally({ seen: 9, unflushed: 1 })],
    ['an answer never lowers the count', tally({ seen: 7 }), 100, 2, tally({ seen: 7 })],
    ['an answer for an older window is ignored', tally({ window: 101, seen: 1 }), 100, 500, tally({ window: 101, seen: 1 })],
  ])('%s', (_, before, window, total, after) => {
    expect(learnTotal(before, window, total)).toEqual(after);
  });
});
