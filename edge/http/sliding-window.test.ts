import { describe, expect, it } from 'vitest';
import { tightest, windowChecks, windowsCall } from './sliding-window.ts';

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
