import { describe, expect, it } from 'vitest';
import { markDown, markUp, newPool, pickCores, probesDue, type CorePool } from './core-pool.ts';

const backoff = { initialMs: 100, maxMs: 1000 };
const down = (failures: number, probeAt: number) => ({ downSince: 0, failures, probeAt });
const up = { downSince: null, failures: 0, probeAt: 0 };

describe('pickCores', () => {
  it.each<[string, CorePool, number[], number]>([
    ['one core', { cores: [up], next: 0 }, [0], 0],
    ['round-robin from next', { cores: [up, up, up], next: 1 }, [1, 2, 0], 2],
    ['wraps around', { cores: [up, up, up], next: 2 }, [2, 0, 1], 0],
    ['skips a down core, keeps it as a last resort', { cores: [up, down(1, 50), up], next: 1 }, [2, 0, 1], 0],
    ['all down: the soonest probe first', { cores: [down(3, 900), down(1, 100)], next: 0 }, [1, 0], 0],
  ])('%s', (_, pool, order, next) => {
    const picked = pickCores(pool);
    expect(picked.order).toEqual(order);
    expect(picked.pool.next).toBe(next);
  });

  it('spreads consecutive requests over the cores that are up', () => {
    let pool: CorePool = markDown(newPool(3), 1, 0, backoff);
    const firsts: number[] = [];
    for (let k = 0; k < 4; k++) {
      const picked = pickCores(pool);
      firsts.push(picked.order[0]!);
      pool = picked.pool;
    }
    expect(firsts).toEqual([0, 2, 0, 2]);
  });
});

describe('markDown and markUp', () => {
  it.each<[string, number, number]>([
    ['first failure: the initial wait', 1, 100],
    ['second: doubled', 2, 200],
    ['fourth: 800', 4, 800],
    ['capped', 8, 1000],
  ])('%s', (_, failures, wait) => {
    let pool = newPool(1);
    for (let k = 0; k < failures; k++) pool = markDown(pool, 0, 5000, backoff);
    expect(pool.cores[0]).toEqual({ downSince: 5000, failures, probeAt: 5000 + wait });
  });

  it('keeps when the core first went down', () => {
    const pool = markDown(markDown(newPool(1), 0, 10, backoff), 0, 500, backoff);
    expect(pool.cores[0]!.downSince).toBe(10);
  });

  it('brings a core back and forgets its failures', () => {
    expect(markUp(markDown(newPool(2), 1, 0, backoff), 1).cores).toEqual([up, up]);
  });

  it('leaves a healthy pool as it is', () => {
    const pool = newPool(2);
    expect(markUp(pool, 0)).toBe(pool);
  });
});

describe('probesDue', () => {
  it.each<[string, CorePool, number, number[]]>([
    ['none down', newPool(2), 1000, []],
    ['down, not yet due', { cores: [up, down(1, 200)], next: 0 }, 199, []],
    ['due', { cores: [up, down(1, 200)], next: 0 }, 200, [1]],
    ['several', { cores: [down(2, 10), down(1, 20), up], next: 0 }, 30, [0, 1]],
  ])('%s', (_, pool, now, due) => {
    expect(probesDue(pool, now)).toEqual(due);
  });
});
