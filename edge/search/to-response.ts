import type { estypes } from '@elastic/elasticsearch';
import type { ProductDocument } from '../../openapi/internal/read-model.ts';
import type { ProductSummary, SearchParams, SearchResponse } from '../../openapi/schemas/search.ts';
import { collapses, OFFSET_CURSOR } from './build-query.ts';
import { encodeCursor, type SortValue } from './cursor.ts';
import { highlightTitle, queryWords } from './highlight.ts';

// Pure: an Elasticsearch _search response → the public SearchResponse.
export type SummarySource = Pick<
  ProductDocument,
  'id' | 'title' | 'brand' | 'category_path' | 'price' | 'mrp' | 'discount_percent' | 'rating' | 'rating_count' | 'in_stock' | 'image_urls'
>;

const money = (amount: number | null) => (amount === null ? null : { amount, currency: 'INR' as const });

export function toSummary(doc: SummarySource, highlights?: Record<string, string[]>): ProductSummary {
  return {
    id: doc.id,
    title: doc.title,
    brand: doc.brand,
    category_path: doc.category_path,
    price: money(doc.price),
    mrp: money(doc.mrp),
    discount_percent: doc.discount_percent,
    rating: doc.rating,
    rating_count: doc.rating_count,
    in_stock: doc.in_stock,
    image_url: doc.image_urls[0] ?? null,
    ...(highlights ? { highlights } : {}),
  };
}

type TermsAgg = { buckets: { key: string; doc_count: number }[] };
type RangeAgg = { buckets: { key: string; from?: number; to?: number; doc_count: number }[] };

const terms = (agg: unknown) => ((agg as TermsAgg | undefined)?.buckets ?? []).map((b) => ({ value: String(b.key), count: b.doc_count }));
const ranges = (agg: unknown) =>
  ((agg as RangeAgg | undefined)?.buckets ?? []).map((b) => ({ key: b.key, from: b.from ?? null, to: b.to ?? null, count: b.doc_count }));

export type TermSuggestion = { text: string; offset: number; length: number; options: { text: string }[] | { text: string } };

/** The term suggestions of a respelling search (buildRespellQuery). */
export const termSuggestions = (res: estypes.SearchResponse): TermSuggestion[] => (res.suggest?.did_you_mean ?? []) as TermSuggestion[];

/** In a collapsed (relevance) search the number of distinct listings, otherwise of products. */
export function searchTotal(res: estypes.SearchResponse<unknown>, p: SearchParams): number {
  const listings = (res.aggregations?.listings as { value?: number } | undefined)?.value;
  if (collapses(p) && listings !== undefined) return listings;
  return typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
}

/** The query with each word the term suggester knows a more frequent spelling of respelled, or null when none is. */
export function respell(query: string, suggestions: readonly TermSuggestion[]): string | null {
  let out = '';
  let at = 0;
  for (const s of [...suggestions].sort((a, b) => a.offset - b.offset)) {
    const best = Array.isArray(s.options) ? s.options[0] : s.options;
    if (!best || s.offset < at) continue;
    out += query.slice(at, s.offset) + best.text;
    at = s.offset + s.length;
  }
  return at === 0 ? null : out + query.slice(at);
}

/**
 * `offset` is the request's `from` (null after search_after). In a collapsed (relevance) search,
 * `total` counts distinct listings and the cursor is their offset; otherwise `total` counts
 * products and the cursor is the last hit's sort values. `suggestions` are those of the respelling
 * search, when the search wanted one (wantsRespelling).
 */
export function toSearchResponse(
  res: estypes.SearchResponse<SummarySource>,
  p: SearchParams,
  offset: number | null,
  suggestions: readonly TermSuggestion[] = [],
): SearchResponse {
  const hits = res.hits.hits;
  const total = searchTotal(res, p);
  const last = hits[hits.length - 1];
  // A short page is the end; so is a full one that reaches the total (known when the offset is).
  const more = hits.length === p.size && (offset === null || offset + hits.length < total);
  const after: SortValue[] | null = !more
    ? null
    : collapses(p)
      ? [OFFSET_CURSOR, (offset ?? 0) + hits.length]
      : ((last?.sort as SortValue[] | undefined) ?? null);
  const suggested = respell(p.query, suggestions);
  const words = queryWords(p.query);
  return {
    items: hits.map((h) => {
      const title = highlightTitle(h._source!.title, words);
      return toSummary(h._source!, title === null ? undefined : { title: [title] });
    }),
    total,
    page: p.page,
    size: p.size,
    next_cursor: after === null ? null : encodeCursor(after),
    facets: {
      categories: terms(res.aggregations?.categories),
      brands: terms(res.aggregations?.brands),
      price: ranges(res.aggregations?.price),
      rating: ranges(res.aggregations?.rating),
    },
    did_you_mean: suggested !== null && suggested.toLowerCase() !== p.query.toLowerCase() ? suggested : null,
  };
}
