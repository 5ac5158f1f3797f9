import { SearchQuerySchema, type SORTS, type SearchParams } from '../../openapi/schemas/search.ts';
import { MAX_RESULT_WINDOW, PRICE_BUCKETS, RATING_BUCKETS } from '../search/build-query.ts';

// Pure: the search page's address ↔ the search it shows. One value per facet (a link picks it,
// another link clears it); price and rating are the API's bucket keys.
export const PAGE_SIZE = 20;

export type SearchState = {
  q: string;
  page: number;
  sort: (typeof SORTS)[number];
  category?: string | undefined;
  brand?: string | undefined;
  price?: string | undefined;
  rating?: string | undefined;
};

const FACETS = ['category', 'brand', 'price', 'rating'] as const;

/** The page's URL for a state: defaults left out, so one search has one address (and one cache entry). */
export function searchHref(s: SearchState): string {
  const q = new URLSearchParams();
  if (s.q) q.set('q', s.q);
  for (const f of FACETS) if (s[f]) q.set(f, s[f]!);
  if (s.sort !== 'relevance') q.set('sort', s.sort);
  if (s.page > 1) q.set('page', String(s.page));
  const text = q.toString();
  return text ? `/shop/search?${text}` : '/shop/search';
}

/** `s` with one facet picked (or cleared with undefined), back on page 1. */
export const withFacet = (s: SearchState, facet: (typeof FACETS)[number], value: string | undefined): SearchState => ({ ...s, [facet]: value, page: 1 });

export type ParsedSearch = { state: SearchState; params: SearchParams } | { error: { field: string; message: string } };

/** The page's query string → its state and the API's search parameters, or the first field in error. */
export function parseSearch(query: URLSearchParams): ParsedSearch {
  const get = (k: string) => query.get(k) ?? undefined;
  const priceKey = get('price');
  const bucket = priceKey === undefined ? undefined : PRICE_BUCKETS.find((b) => b.key === priceKey);
  if (priceKey !== undefined && !bucket) return { error: { field: 'price', message: 'not a price range this shop offers' } };
  const ratingKey = get('rating');
  const rating = ratingKey === undefined ? undefined : RATING_BUCKETS.find((b) => b.key === ratingKey);
  if (ratingKey !== undefined && !rating) return { error: { field: 'rating', message: 'not a rating this shop offers' } };
  const parsed = SearchQuerySchema.safeParse({
    query: get('q') ?? '',
    page: get('page') ?? '1',
    size: String(PAGE_SIZE),
    sort: get('sort') ?? 'relevance',
    category: get('category'),
    brand: get('brand'),
    price_min: bucket && 'from' in bucket ? String(bucket.from) : undefined,
    price_max: bucket && 'to' in bucket ? String(bucket.to) : undefined,
    rating_min: rating ? String(rating.from) : undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'q');
    return { error: { field: field === 'query' ? 'q' : field, message: issue.message } };
  }
  const params = parsed.data;
  if (params.page > lastPage(MAX_RESULT_WINDOW)) return { error: { field: 'page', message: `pages go up to ${lastPage(MAX_RESULT_WINDOW)}` } };
  return {
    state: { q: params.query, page: params.page, sort: params.sort, category: get('category'), brand: get('brand'), price: priceKey, rating: ratingKey },
    params,
  };
}

/** The last page a pager offers for `total` results (the index pages by offset up to its result window). */
export const lastPage = (total: number): number => Math.max(1, Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(MAX_RESULT_WINDOW / PAGE_SIZE)));
