import type { estypes } from '@elastic/elasticsearch';
import type { SuggestResponse } from '../../openapi/schemas/search.ts';

// Pure: autocomplete through the completion field `suggest` (cdc/search/suggest.ts feeds it
// every word-suffix of the title), fuzzy so a typo in the prefix still completes.
export const MAX_SUGGESTIONS = 10;

// Fuzzy completions rank by weight alone, so a popular near-miss ("backcover" for "backp")
// would push out exact ones: exact completions come first, fuzzy ones fill the rest.
export function buildSuggestQuery(prefix: string): estypes.SearchRequest {
  // Several suffixes of one title may match, and many titles share a suffix ("Backpack"), so no
  // skip_duplicates: ask for more and keep one per product.
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
      if (!src || seen.has(src.id) || suggestions.length >= MAX_SUGGESTIONS) continue;
      seen.add(src.id);
      suggestions.push({ text: src.title, product_id: src.id });
    }
  }
  return { suggestions };
}
