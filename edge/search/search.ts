import type { estypes } from '@elastic/elasticsearch';
import type { SearchParams, SearchResponse } from '../../openapi/schemas/search.ts';
import { buildRespellQuery, wantsRespelling } from './build-query.ts';
import type { Es } from './es.ts';
import { type SummarySource, searchTotal, type TermSuggestion, termSuggestions, toSearchResponse } from './to-response.ts';

// One uncached search: the query buildSearchQuery made, then, only when its answer wants a
// respelling (few or no hits), the spell checker's.
export async function runSearch(es: Es, index: string, p: SearchParams, body: estypes.SearchRequest): Promise<SearchResponse> {
  const res = await es.search<SummarySource>(index, body);
  const suggestions: TermSuggestion[] = wantsRespelling(p, searchTotal(res, p)) ? termSuggestions(await es.search(index, buildRespellQuery(p.query))) : [];
  return toSearchResponse(res, p, body.from ?? null, suggestions);
}
