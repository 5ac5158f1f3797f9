import { describe, expect, it } from 'vitest';
import { suggestInputs, suggestWeight } from './suggest.ts';

describe('suggestInputs', () => {
  it.each([
    ['Apple iPhone 12', 'Apple', ['Apple iPhone 12', 'iPhone 12', '12', 'Apple']],
    ['  Boat   Rockerz 450 ', null, ['Boat Rockerz 450', 'Rockerz 450', '450']],
    ['Nike Shoe', 'Puma', ['Nike Shoe', 'Shoe', 'Puma']],
    ['', null, []],
  ])('%j by %j', (title, brand, expected) => {
    expect(suggestInputs(title, brand)).toEqual(expected);
  });

  it('caps the number of word starts', () => {
    expect(suggestInputs('a b c d e f g h i j k', null)).toHaveLength(8);
  });
});

describe('suggestWeight', () => {
  it.each([
    [{ rating_count: 0, in_stock: false }, 1],
    [{ rating_count: 5, in_stock: true }, 1006],
    [{ rating_count: 50_000, in_stock: false }, 1001],
  ])('%j → %d', (doc, w) => expect(suggestWeight(doc)).toBe(w));
});
