import { describe, expect, it } from 'vitest';
import { formatCpu, ticksByGroup } from './cpu.ts';

const snapshot = (rows: Array<[pid: number, ppid: number, ticks: number]>) => new Map(rows.map(([pid, ppid, ticks]) => [pid, { ppid, ticks }]));

describe('ticksByGroup', () => {
  it('counts a root and every process under it, new ones from zero, others nowhere', () => {
    const before = snapshot([
      [10, 1, 100],
      [11, 10, 50],
      [20, 1, 7],
      [30, 1, 900],
    ]);
    const after = snapshot([
      [10, 1, 130],
      [11, 10, 55],
      [12, 11, 4], // a grandchild born during the window
      [20, 1, 9],
      [30, 1, 990],
    ]);
    expect(ticksByGroup({ postgres: [10], core: [20] }, before, after)).toEqual({ postgres: 30 + 5 + 4, core: 2 });
  });

  it('gives a group whose processes are gone nothing rather than failing', () => {
    expect(ticksByGroup({ relay: [40] }, snapshot([[40, 1, 5]]), snapshot([]))).toEqual({ relay: 0 });
  });
});

describe('formatCpu', () => {
  it('sorts by share and divides by the rate', () => {
    expect(formatCpu({ core: 50, kafka: 10, idle: 0.1 }, 100, 'order')).toBe('core 50% (0.50/order) · kafka 10% (0.10/order)');
  });
});
