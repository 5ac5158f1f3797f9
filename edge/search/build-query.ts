import type { estypes } from '@elastic/elasticsearch';
import type { SearchParams } from '../../openapi/schemas/search.ts';
import type { SortValue } from './cursor.ts';
import { queryWords } from './highlight.ts';

// Pure: turns validated search parameters into an Elasticsearch _search body. Field names
// follow cdc/search/mappings.ts (keywords for filters/facets, `.text` sub-fields for matching).

/** index.max_result_window: from + size beyond it needs the cursor. */
export const MAX_RESULT_WINDOW = 10_000;

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

/**
 * Graded evidence, summed: every word found stemmed (or as a synonym) in the title, brand or
 * category path is the main signal; the exact words, the words as a phrase, and compounds written
 * as one or two words ("tshirt" / "T-Shirt", "bed sheets" / "Bedsheet"), and all the words in the
 * category path add to it; word starts and, last and lowest, typos (one edit from 5 letters, two
 * from 8, never on the first letter) only find what nothing else found, as does the description.
 *
 * `widened` adds most of the words, well below all of them ("bluetooth speaker" then lists
 * speakers too): asked only of a search of several words whose listings with all of them are
 * fewer than WIDEN_BELOW. Matching most words made a search of two words match every product with
 * either, and every matched product costs the aggregations, the collapse and the listing count
 * (the narrow body took 1.19–1.28× less Elasticsearch CPU over the judged queries). A product with
 * all the words scores the same either way: there the widening clause adds exactly what the
 * all-words clause scores, so the narrow search gives that clause its weight too.
 */
const CROSS_FIELDS = ['title.english^3', 'brand.text^2', 'category_path.text'];
/**
 * The category path names what a product is, so all the words found there (or their synonyms:
 * "Polos & T-Shirts") lift a "tshirt" above Fastrack's "Tees" watches, which the synonym tee finds
 * in their titles. Judged set: P@10 0.912 -> 0.924, nDCG@10 0.907 -> 0.920, no query worse (at 4
 * "diamond ring" loses, at 6 "watches for men"). The same Elasticsearch CPU in an A/B (9.74 vs
 * 9.76 ms a search): what it matches, the all-words clause has matched already.
 */
const CATEGORY_BOOST = 3;
const ALL_WORDS_BOOST = 4;
const MOST_WORDS_BOOST = 1;

const acrossFields = (text: string, words: { operator: 'and' } | { minimum_should_match: string }, boost: number): estypes.QueryDslQueryContainer => ({
  multi_match: { query: text, type: 'cross_fields', fields: CROSS_FIELDS, tie_breaker: 0.3, boost, ...words },
});

export function textQuery(text: string, widened = false): estypes.QueryDslQueryContainer {
  if (text === '') return { match_all: {} };
  const allWords = acrossFields(text, { operator: 'and' }, widened ? ALL_WORDS_BOOST : ALL_WORDS_BOOST + MOST_WORDS_BOOST);
  const mostWords = widened ? [acrossFields(text, { minimum_should_match: '1<-1 3<75%' }, MOST_WORDS_BOOST)] : [];
  return {
    bool: {
      should: [
        allWords,
        ...mostWords,
        { match: { title: { query: text, operator: 'and', boost: 2 } } },
        { match_phrase: { 'title.english': { query: text, slop: 2, boost: 3 } } },
        { match: { 'title.joined': { query: text, boost: 3 } } },
        { match: { 'category_path.text': { query: text, operator: 'and', boost: CATEGORY_BOOST } } },
        { match: { 'title.prefix': { query: text, operator: 'and', boost: 0.5 } } },
        { match: { title: { query: text, operator: 'and', fuzziness: 'AUTO:5,8', prefix_length: 1, max_expansions: 20, boost: 0.3 } } },
        { match: { description: { query: text, operator: 'and', boost: 0.1 } } },
      ],
      minimum_should_match: 1,
    },
  };
}

/** Relevance pages show one product per title (listings copied by the dozen would fill them); other sorts list every product. */
export const collapses = (p: SearchParams): boolean => p.sort === 'relevance' && p.query !== '';

/** A cursor of a collapsed search: the number of listings already shown (collapse cannot be combined with search_after). */
export const OFFSET_CURSOR = '@offset';

/** Fewer hits than this and the response suggests another spelling. */
export const DID_YOU_MEAN_BELOW = 5;

export function searchFilters(p: SearchParams): estypes.QueryDslQueryContainer[] {
  const filters: estypes.QueryDslQueryContainer[] = [];
  if (p.category?.length) filters.push({ terms: { category: p.category } });
  if (p.brand?.length) filters.push({ terms: { brand: p.brand } });
  if (p.price_min !== undefined || p.price_max !== undefined) filters.push({ range: { price: { gte: p.price_min, lte: p.price_max } } });
  if (p.rating_min !== undefined) filters.push({ range: { rating: { gte: p.rating_min } } });
  if (p.in_stock !== undefined) filters.push({ term: { in_stock: p.in_stock } });
  return filters;
}

/** Whether a search's answer asks for a respelling: text that matched few listings or products. */
export const wantsRespelling = (p: SearchParams, total: number): boolean => p.query !== '' && total < DID_YOU_MEAN_BELOW;

/**
 * The respellings of a search that wants them (wantsRespelling), asked for afterwards: in the search
 * itself the spell checker ran on every search for the few that show its answer. Only words the
 * catalog lacks are respelled.
 */
export function buildRespellQuery(text: string): estypes.SearchRequest {
  return {
    size: 0,
    track_total_hits: false,
    query: { match_none: {} },
    suggest: { did_you_mean: { text, term: { field: 'title', suggest_mode: 'missing', min_word_length: 4, size: 1 } } },
  };
}

export type SearchQueryError = { field: string; message: string };

const offsetOf = (cursor: SortValue[]): number | null =>
  cursor.length === 2 && cursor[0] === OFFSET_CURSOR && Number.isInteger(cursor[1]) && (cursor[1] as number) >= 0 ? (cursor[1] as number) : null;

/**
 * A search's bodies: the narrow one, and for a query of several words the widened one, asked when
 * the narrow one has fewer than WIDEN_BELOW listings (with one word, all and most are the same).
 * Decided by the narrow total alone, so every page of a search, at any size, makes the same choice.
 */
export type SearchBodies = { body: estypes.SearchRequest; widened: estypes.SearchRequest | null };

/** The _search bodies, or the parameter that makes the request impossible. */
export function buildSearchQuery(p: SearchParams, cursor: SortValue[] | null): SearchBodies | { error: SearchQueryError } {
  const collapsed = collapses(p);
  const cursorOffset = cursor === null ? null : offsetOf(cursor);
  if (cursor !== null && collapsed !== (cursorOffset !== null)) return { error: { field: 'cursor', message: 'not a cursor of this search' } };
  const offset = cursor === null ? (p.page - 1) * p.size : cursorOffset;
  if (offset !== null && offset + p.size > MAX_RESULT_WINDOW) {
    const hint = collapsed ? 'sort by something other than relevance to go deeper' : 'follow next_cursor for deeper pages';
    return { error: { field: cursor === null ? 'page' : 'cursor', message: `page × size may not exceed ${MAX_RESULT_WINDOW}; ${hint}` } };
  }
  const bodyOf = (widened: boolean): estypes.SearchRequest => {
    const body: estypes.SearchRequest = {
      query: { bool: { must: [textQuery(p.query, widened)], filter: searchFilters(p) } },
      sort: SORTS[p.sort],
      size: p.size,
      // A collapsed search's total is its listings count: counting every hit as well is work nobody reads.
      track_total_hits: !collapsed,
      _source: SUMMARY_SOURCE,
      aggs: {
        categories: { terms: { field: 'category', size: FACET_SIZE } },
        brands: { terms: { field: 'brand', size: FACET_SIZE } },
        price: { range: { field: 'price', ranges: PRICE_BUCKETS.map((b) => ({ ...b })) } },
        rating: { range: { field: 'rating', ranges: RATING_BUCKETS } },
        ...(collapsed ? { listings: { cardinality: { field: 'title.keyword', precision_threshold: 40_000 } } } : {}),
      },
    };
    if (collapsed) body.collapse = { field: 'title.keyword' };
    if (offset !== null) body.from = offset;
    else body.search_after = cursor!;
    return body;
  };
  return { body: bodyOf(false), widened: queryWords(p.query).length > 1 ? bodyOf(true) : null };
}
