import type { estypes } from '@elastic/elasticsearch';
import type { SuggestResponse } from '../../openapi/schemas/search.ts';

// Pure: autocomplete through the completion field `suggest` (cdc/search/suggest.ts feeds it
// every word-suffix of the title), fuzzy so a typo in the prefix still completes.
export const MAX_SUGGESTIONS = 10;

export function buildSuggestQuery(prefix: string): estypes.SearchRequest {
  return {
    size: 0,
    _source: ['id', 'title'],
    suggest: {
      products: {
        prefix,
        // Several suffixes of one title may match; ask for more and keep one per product.
        completion: { field: 'suggest', size: MAX_SUGGESTIONS * 3, skip_duplicates: true, fuzzy: { fuzziness: 'AUTO', prefix_length: 1 } },
      },
    },
  };
}

type Option = { _id?: string; _source?: { id: string; title: string } };

export function toSuggestResponse(res: estypes.SearchResponse<{ id: string; title: string }>): SuggestResponse {
  const entries = (res.suggest?.products ?? []) as { options: Option[] | Option }[];
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
