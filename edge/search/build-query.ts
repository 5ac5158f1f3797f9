import type { estypes } from '@elastic/elasticsearch';
import type { SearchParams } from '../../openapi/schemas/search.ts';
import type { SortValue } from './cursor.ts';

// Pure: turns validated search parameters into an Elasticsearch _search body. Field names
// follow cdc/search/mappings.ts (keywords for filters/facets, `.text` sub-fields for matching).

/** index.max_result_window: from + size beyond it needs the cursor. */
export const MAX_RESULT_WINDOW = 10_000;

const MATCH_FIELDS = ['title^4', 'brand.text^3', 'category_path.text^2', 'description'];
const PREFIX_FIELDS = ['title^4', 'brand.text^3'];

export const SUMMARY_SOURCE = ['id', 'title', 'brand', 'category_path', 'price', 'mrp', 'discount_percent', 'rating', 'rating_count', 'in_stock', 'image_urls'];

/** Selling-price buckets in paise (to exclusive). */
export const PRICE_BUCKETS = [
  { key: 'under-500', to: 50_000 },
  { key: '500-1000', from: 50_000, to: 100_000 },
  { key: '1000-5000', from: 100_000, to: 500_000 },
  { key: '5000-20000', from: 500_000, to: 2_000_000 },
  { key: '20000-and-above', from: 2_000_000 },
] as const;

export const RATING_BUCKETS = [4, 3, 2, 1].map((from) => ({ key: `${from}-and-up`, from }));

const FACET_SIZE = 20;

const TIEBREAK: estypes.SortCombinations = { id: 'asc' };
const SORTS: Record<SearchParams['sort'], estypes.SortCombinations[]> = {
  relevance: [{ _score: { order: 'desc' } }, TIEBREAK],
  price_asc: [{ price: { order: 'asc', missing: '_last' } }, TIEBREAK],
  price_desc: [{ price: { order: 'desc', missing: '_last' } }, TIEBREAK],
  rating: [{ rating: { order: 'desc', missing: '_last' } }, { rating_count: 'desc' }, TIEBREAK],
  newest: [{ created_at: 'desc' }, TIEBREAK],
};

function textQuery(text: string): estypes.QueryDslQueryContainer {
  if (text === '') return { match_all: {} };
  return {
    bool: {
      should: [
        // Whole words, each allowed AUTO typos ("samsng" → samsung).
        { multi_match: { query: text, fields: MATCH_FIELDS, type: 'best_fields', fuzziness: 'AUTO', prefix_length: 1, minimum_should_match: '75%' } },
        // The last word may be unfinished ("samsung gal" → galaxy), earlier ones still fuzzy.
        { multi_match: { query: text, fields: PREFIX_FIELDS, type: 'bool_prefix', fuzziness: 'AUTO', prefix_length: 1, operator: 'and' } },
        // Exact phrases in the title rank first.
        { match_phrase: { title: { query: text, boost: 3 } } },
      ],
      minimum_should_match: 1,
    },
  };
}

export function searchFilters(p: SearchParams): estypes.QueryDslQueryContainer[] {
  const filters: estypes.QueryDslQueryContainer[] = [];
  if (p.category?.length) filters.push({ terms: { category: p.category } });
  if (p.brand?.length) filters.push({ terms: { brand: p.brand } });
  if (p.price_min !== undefined || p.price_max !== undefined) filters.push({ range: { price: { gte: p.price_min, lte: p.price_max } } });
  if (p.rating_min !== undefined) filters.push({ range: { rating: { gte: p.rating_min } } });
  if (p.in_stock !== undefined) filters.push({ term: { in_stock: p.in_stock } });
  return filters;
}

export type SearchQueryError = { field: string; message: string };

/** The _search body, or the parameter that makes the request impossible. */
export function buildSearchQuery(p: SearchParams, searchAfter: SortValue[] | null): { body: estypes.SearchRequest } | { error: SearchQueryError } {
  if (searchAfter === null && (p.page - 1) * p.size + p.size > MAX_RESULT_WINDOW) {
    return { error: { field: 'page', message: `page × size may not exceed ${MAX_RESULT_WINDOW}; follow next_cursor for deeper pages` } };
  }
  const body: estypes.SearchRequest = {
    query: { bool: { must: [textQuery(p.query)], filter: searchFilters(p) } },
    sort: SORTS[p.sort],
    size: p.size,
    track_total_hits: true,
    _source: SUMMARY_SOURCE,
    aggs: {
      categories: { terms: { field: 'category', size: FACET_SIZE } },
      brands: { terms: { field: 'brand', size: FACET_SIZE } },
      price: { range: { field: 'price', ranges: PRICE_BUCKETS.map((b) => ({ ...b })) } },
      rating: { range: { field: 'rating', ranges: RATING_BUCKETS } },
    },
  };
  if (searchAfter === null) body.from = (p.page - 1) * p.size;
  else body.search_after = searchAfter;
  return { body };
}
