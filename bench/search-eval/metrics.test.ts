import { describe, expect, it } from 'vitest';
import { mean, ndcgAt, percentile, precisionAt } from './metrics.ts';

const grades = new Map([
  ['a', 2],
  ['b', 1],
  ['c', 0],
  ['d', 2],
]);

describe('precisionAt', () => {
  it.each([
    [['a', 'b', 'c', 'd'], 4, 0.75],
    [['a', 'x'], 4, 0.25],
    [[], 10, 0],
    [['c', 'x', 'y'], 3, 0],
    [['a', 'b', 'd', 'c'], 2, 1],
  ])('%j at %i → %d', (ranked, k, expected) => expect(precisionAt(k, ranked, grades)).toBeCloseTo(expected, 10));
});

describe('ndcgAt', () => {
  const ideal = 3 + 3 / Math.log2(3) + 1 / 2;
  it.each([
    ['the ideal order', ['a', 'd', 'b'], 10, 1],
    ['ideal order with an irrelevant tail', ['d', 'a', 'b', 'c', 'x'], 10, 1],
    ['nothing relevant', ['c', 'x'], 10, 0],
    ['nothing at all', [], 10, 0],
    ['worst relevant first', ['b', 'a', 'd'], 10, (1 + 3 / Math.log2(3) + 3 / 2) / ideal],
    ['one strong hit at rank 2', ['x', 'a'], 10, 3 / Math.log2(3) / ideal],
    ['cut at k=1', ['b', 'a'], 1, 1 / 3],
  ])('%s', (_name, ranked, k, expected) => expect(ndcgAt(k, ranked, grades)).toBeCloseTo(expected, 10));

  it('is 0 for a query with no relevant products', () => {
    expect(ndcgAt(10, ['a'], new Map([['a', 0]]))).toBe(0);
  });
});

describe('percentile and mean', () => {
  it.each([
    [[5, 1, 3], 50, 3],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 99, 4],
    [[7], 99, 7],
  ])('p of %j at %i → %d', (sample, p, expected) => expect(percentile(sample, p)).toBe(expected));

  it('means', () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(mean([])).toBeNaN();
  });
});
