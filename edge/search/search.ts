import { type SearchParams, type SearchResponse, WIDEN_BELOW } from '../../openapi/schemas/search.ts';
import { buildRespellQuery, type SearchBodies, wantsRespelling } from './build-query.ts';
import type { Es } from './es.ts';
import { type SummarySource, searchTotal, type TermSuggestion, termSuggestions, toSearchResponse } from './to-response.ts';

// One uncached search: the narrow query buildSearchQuery made; the widened one only when the
// narrow one found too little (WIDEN_BELOW); then, only when the answer wants a respelling (few or no
// hits), the spell checker's.
export async function runSearch(es: Es, index: string, p: SearchParams, bodies: SearchBodies): Promise<SearchResponse> {
  let res = await es.search<SummarySource>(index, bodies.body);
  let total = searchTotal(res, p);
  if (bodies.widened !== null && total < WIDEN_BELOW) {
    res = await es.search<SummarySource>(index, bodies.widened);
    total = searchTotal(res, p);
  }
  const suggestions: TermSuggestion[] = wantsRespelling(p, total) ? termSuggestions(await es.search(index, buildRespellQuery(p.query))) : [];
  return toSearchResponse(res, p, bodies.body.from ?? null, suggestions);
}
