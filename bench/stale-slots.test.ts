import { describe, expect, it } from 'vitest';
import { staleSlotsWarning } from './stale-slots.ts';

describe('staleSlotsWarning', () => {
  it('says nothing without inactive slots', () => {
    expect(staleSlotsWarning('commerce_bench', [])).toBeNull();
  });

  it('names each slot with the WAL it keeps, the total, and how to drop them', () => {
    const text = staleSlotsWarning('commerce_bench', [
      { name: 'ckbench1_slot', retainedBytes: 2_447_376_384 },
      { name: 'exp_slot', retainedBytes: 767_557_632 },
    ]);
    expect(text?.split('\n')).toEqual([
      'bench database commerce_bench: 2 inactive replication slots keep 3066 MB of WAL (left by runs killed before their clean-up; they slow what this run measures):',
      '  ckbench1_slot: 2334 MB',
      '  exp_slot: 732 MB',
      "  unless another bench is running, drop them: select pg_drop_replication_slot('ckbench1_slot'); select pg_drop_replication_slot('exp_slot');",
    ]);
  });

  it('speaks of one slot in the singular', () => {
    expect(staleSlotsWarning('commerce_bench', [{ name: 'a_slot', retainedBytes: 0 }])).toMatch(
      /^bench database commerce_bench: 1 inactive replication slot keeps 0 MB/,
    );
  });
});
