import { describe, expect, it } from 'vitest';
import { config } from '../config/index.ts';
import { catalogRecords } from '../core/catalog-import/import.ts';
import { wordsOf } from '../edge/search/highlight.ts';

// The edge finds words in ASCII text with a regular expression instead of Intl.Segmenter
// (edge/search/highlight.ts): over the whole catalog it must find exactly the segmenter's words.
describe('word boundaries over the catalog', () => {
  it('wordsOf finds the words Intl.Segmenter finds in every title, brand and description', { timeout: 60_000 }, async () => {
    const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    const differing: string[] = [];
    let texts = 0;
    for await (const { record } of catalogRecords(config.CATALOG_CSV)) {
      for (const text of [record.name, record.brand, record.description]) {
        if (!text) continue;
        texts++;
        const expected = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => ({ text: s.segment, index: s.index }));
        if (JSON.stringify(wordsOf(text)) !== JSON.stringify(expected)) differing.push(text.slice(0, 80));
      }
    }
    expect(texts).toBeGreaterThan(30_000);
    expect(differing).toEqual([]);
  });
});
