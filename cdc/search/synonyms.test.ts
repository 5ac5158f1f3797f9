import { describe, expect, it } from 'vitest';
import { catalogSynonyms, parseSynonyms } from './synonyms.ts';

describe('parseSynonyms', () => {
  it.each([
    ['comments and blank lines are dropped', '# why\n\nsari, saree\n', ['sari, saree']],
    ['spacing is normalised', '  tee ,t   shirt,tshirt  # trailing comment', ['tee, t shirt, tshirt']],
    ['nothing', '', []],
  ])('%s', (_name, text, expected) => expect(parseSynonyms(text)).toEqual(expected));
});

describe('catalogSynonyms', () => {
  it('holds equivalence lines of lowercase words only (no explicit mappings, no stray separators)', () => {
    expect(catalogSynonyms.length).toBeGreaterThan(10);
    for (const line of catalogSynonyms) expect(line).toMatch(/^[a-z]+( [a-z]+)*(, [a-z]+( [a-z]+)*)+$/);
  });
});
