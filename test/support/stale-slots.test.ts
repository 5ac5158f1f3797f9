import { describe, expect, it } from 'vitest';
import type { SlotStatus } from '../../stack/status.ts';
import { staleSlotsWarning } from './stale-slots.ts';

const slot = (name: string, database: string, active: boolean, lag_bytes: number | null): SlotStatus => ({
  name,
  database,
  active,
  lag_bytes,
  wal_status: 'reserved',
});

describe('staleSlotsWarning', () => {
  it('says nothing without inactive slots in the bench database', () => {
    expect(staleSlotsWarning('bench', 'commerce_bench', [])).toBeNull();
    expect(
      staleSlotsWarning('bench', 'commerce_bench', [slot('running_slot', 'commerce_bench', true, 5), slot('commerce_cdc', 'commerce', false, 5)]),
    ).toBeNull();
  });

  it("names each of the bench database's inactive slots with the WAL it keeps, the total, and how to drop them", () => {
    const text = staleSlotsWarning('bench', 'commerce_bench', [
      slot('ckbench1_slot', 'commerce_bench', false, 2_447_376_384),
      slot('commerce_cdc', 'commerce', false, 351_272_960),
      slot('exp_slot', 'commerce_bench', false, 767_557_632),
      slot('live_slot', 'commerce_bench', true, 1_048_576),
    ]);
    expect(text?.split('\n')).toEqual([
      'bench database commerce_bench: 2 inactive replication slots keep 3066 MB of WAL (left by runs killed before their clean-up; they slow this run):',
      '  ckbench1_slot: 2334 MB',
      '  exp_slot: 732 MB',
      "  unless another bench is using commerce_bench, drop them: select pg_drop_replication_slot('ckbench1_slot'); select pg_drop_replication_slot('exp_slot');",
    ]);
  });

  it('speaks of one slot in the singular, and of WAL it could not measure as unknown', () => {
    expect(
      staleSlotsWarning('bench', 'commerce_bench', [slot('a_slot', 'commerce_bench', false, null)])
        ?.split('\n')
        .slice(0, 2),
    ).toEqual([
      'bench database commerce_bench: 1 inactive replication slot keeps 0 MB of WAL (left by runs killed before their clean-up; they slow this run):',
      '  a_slot: ? MB',
    ]);
  });

  it('names the database of a test run, and another test run as the one that may be using it', () => {
    expect(staleSlotsWarning('test', 'commerce_test', [slot('wh_1_slot', 'commerce_test', false, 1_048_576)])?.split('\n')).toEqual([
      'test database commerce_test: 1 inactive replication slot keeps 1 MB of WAL (left by runs killed before their clean-up; they slow this run):',
      '  wh_1_slot: 1 MB',
      "  unless another test run is using commerce_test, drop them: select pg_drop_replication_slot('wh_1_slot');",
    ]);
  });
});
