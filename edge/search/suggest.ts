import type { estypes } from '@elastic/elasticsearch';
import type { SuggestResponse } from '../../openapi/schemas/search.ts';

// Pure: autocomplete through the completion field `suggest` (cdc/search/suggest.ts feeds it
// every word-suffix of the title), fuzzy so a typo in the prefix still completes.
export const MAX_SUGGESTIONS = 10;
/** The completion field's max_input_length (cdc/search/mappings.ts). */
export const SUGGEST_MAX_INPUT = 100;

// Fuzzy completions rank by weight alone, so a popular near-miss ("backcover" for "backp")
// would push out exact ones: exact completions come first, fuzzy ones fill the rest.
export function buildSuggestQuery(text: string): estypes.SearchRequest {
  // No input is indexed beyond max_input_length, so a longer prefix could only match nothing, slowly.
  const prefix = [...text].slice(0, SUGGEST_MAX_INPUT).join('');
  // Several suffixes of one title may match, and many titles share a suffix ("Backpack"), so no
  // skip_duplicates: ask for more and keep one per title.
  const completion = { field: 'suggest', size: MAX_SUGGESTIONS * 3 };
  return {
    size: 0,
    _source: ['id', 'title'],
    suggest: {
      exact: { prefix, completion },
      fuzzy: { prefix, completion: { ...completion, fuzzy: { fuzziness: 'AUTO', prefix_length: 1 } } },
    },
  };
}

type Option = { _id?: string; _source?: { id: string; title: string } };

export function toSuggestResponse(res: estypes.SearchResponse<{ id: string; title: string }>): SuggestResponse {
  const entries = [...(res.suggest?.exact ?? []), ...(res.suggest?.fuzzy ?? [])] as { options: Option[] | Option }[];
  const seen = new Set<string>();
  const suggestions: SuggestResponse['suggestions'] = [];
  for (const entry of entries) {
    for (const o of Array.isArray(entry.options) ? entry.options : [entry.options]) {
      const src = o._source;
      // Identical listings would repeat one title ten times: one suggestion per title.
      const key = src?.title.toLowerCase();
      if (!src || !key || seen.has(key) || suggestions.length >= MAX_SUGGESTIONS) continue;
      seen.add(key);
      suggestions.push({ text: src.title, product_id: src.id });
    }
  }
  return { suggestions };
}
