import { describe, expect, it } from 'vitest';
import { stateDifferences, uncovered } from './served-state.ts';

describe('stateDifferences', () => {
  it.each([
    ['nothing changed', { 'db users rows': '3' }, { 'db users rows': '3' }, []],
    ['a count moved', { 'db users rows': '3' }, { 'db users rows': '5' }, ['db users rows: 3 → 5']],
    ['a fact appeared', {}, { 'kafka commerce.public.products end': '0:4' }, ['kafka commerce.public.products end: (none) → 0:4']],
    ['a fact went', { 'es commerce-products': 'absent' }, {}, ['es commerce-products: absent → (none)']],
    ['several, in name order', { b: '1', a: '1' }, { b: '2', a: '2' }, ['a: 1 → 2', 'b: 1 → 2']],
  ])('%s', (_, before, after, expected) => {
    expect(stateDifferences(before, after)).toEqual(expected);
  });
});

describe('uncovered', () => {
  it('names each served index that does not exist', () => {
    expect(uncovered({ 'es commerce-products': 'absent', 'es commerce-reviews': 'commerce-reviews-v1 docs=0 max_seq_no=0', 'db users rows': '0' })).toEqual([
      'no commerce-products yet, only its absence is checked',
    ]);
  });
});
