import { describe, expect, it } from 'vitest';
import { countLocally, type LocalWindows, tightest, windowChecks, windowsCall } from './sliding-window.ts';

const ip = { tokens: 60, key: 'rl:ip:1.2.3.4' };
const user = { tokens: 30, key: 'rl:user:u1' };

describe('windowsCall', () => {
  it('names the current and previous window of every limit, in order', () => {
    expect(windowsCall([ip, user], 125_000, 60_000)).toEqual({
      keys: ['rl:ip:1.2.3.4:2', 'rl:ip:1.2.3.4:1', 'rl:user:u1:2', 'rl:user:u1:1'],
      args: ['125000', '60000', '60', '30'],
    });
  });
});

describe('windowChecks and tightest', () => {
  it.each([
    ['both allow: the one with less room', [50, 3], { success: true, limit: 30, remaining: 3 }],
    ['the user limit denies', [50, -1], { success: false, limit: 30, remaining: 0 }],
    ['the ip limit denies', [-1, 20], { success: false, limit: 60, remaining: 0 }],
    ['both deny: the first', [-1, -1], { success: false, limit: 60, remaining: 0 }],
  ])('%s', (_, answers, expected) => {
    const checks = windowChecks([ip, user], answers, 125_000, 60_000);
    expect(tightest(checks)).toEqual({ ...expected, reset: 180_000 });
  });

  it('reads a missing answer as denied', () => {
    expect(windowChecks([ip], [], 0, 60_000)[0]).toMatchObject({ success: false });
  });
});

describe('countLocally (as the script counts, on one instance)', () => {
  const three = { tokens: 3, key: 'rl:user:u1' };

  it('allows the tokens in a window, then denies, and counts nothing denied', () => {
    const counters: LocalWindows = new Map();
    expect([0, 1, 2, 3, 4].map((i) => countLocally(counters, [three], 60_000 + i, 60_000)[0])).toEqual([2, 1, 0, -1, -1]);
    expect(counters.get(three.key)).toEqual({ window: 1, current: 3, previous: 0 });
  });

  it.each([
    ['at the start of the next window the previous one weighs whole', 120_000, [-1]],
    ['half way through, half of it (one of three)', 150_000, [1]],
    ['two windows on, nothing', 180_000, [2]],
  ])('%s', (_name, now, expected) => {
    const counters: LocalWindows = new Map();
    for (let i = 0; i < 3; i++) countLocally(counters, [three], 60_000, 60_000);
    expect(countLocally(counters, [three], now, 60_000)).toEqual(expected);
  });

  it('counts each limit on its own, as the script does: the address counts a write the user limit denies', () => {
    const counters: LocalWindows = new Map();
    const address = { tokens: 10, key: 'rl:ip:1.2.3.4' };
    for (let i = 0; i < 3; i++) countLocally(counters, [address, three], 0, 60_000);
    expect(countLocally(counters, [address, three], 0, 60_000)).toEqual([6, -1]);
    expect(tightest(windowChecks([address, three], [6, -1], 0, 60_000))).toMatchObject({ success: false, limit: 3 });
  });
});
