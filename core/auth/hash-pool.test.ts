import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { admit, createHashPool } from './hash-pool.ts';

describe('admit', () => {
  const limits = { concurrency: 2, queue: 3 };
  it.each([
    [0, 0, 'run'],
    [1, 0, 'run'],
    [2, 0, 'wait'],
    [2, 2, 'wait'],
    [2, 3, 'refuse'],
    [2, 9, 'refuse'],
  ] as const)('%i running, %i waiting → %s', (running, waiting, expected) => {
    expect(admit({ running, waiting }, limits)).toBe(expected);
  });
  it('refuses everything beyond the running ones without a queue', () => {
    expect(admit({ running: 1, waiting: 0 }, { concurrency: 1, queue: 0 })).toBe('refuse');
  });
});

describe('createHashPool', () => {
  it('runs at most `concurrency` at once, queues `queue`, refuses the rest with a retry hint', async () => {
    const pool = createHashPool({ concurrency: 2, queue: 1 });
    let active = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const work = () =>
      pool(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise<void>((r) => gates.push(r));
        active -= 1;
        return 'done';
      });
    const accepted = [work(), work(), work()];
    const refused = work();
    await expect(refused).rejects.toMatchObject({ code: 'overloaded', details: { retry_after: 1 } });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    while (gates.length < 2) await new Promise((r) => setImmediate(r));
    for (const open of gates.splice(0)) open();
    while (gates.length < 1) await new Promise((r) => setImmediate(r));
    for (const open of gates.splice(0)) open();
    expect(await Promise.all(accepted)).toEqual(['done', 'done', 'done']);
    expect(peak).toBe(2);
    expect(await pool(async () => 'again')).toBe('again');
  });

  it('frees the slot of work that failed', async () => {
    const pool = createHashPool({ concurrency: 1, queue: 0 });
    await expect(pool(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await pool(async () => 'next')).toBe('next');
  });
});
