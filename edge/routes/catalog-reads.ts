import type { Context } from 'hono';
import type { ProductDocument, ReviewDocument } from '../../openapi/internal/read-model.ts';
import { cacheKeys, indexAliases } from '../../openapi/internal/read-model.ts';
import { problem } from '../../openapi/problem.ts';
import type { Problem } from '../../openapi/schemas/common.ts';
import { FIRST_REVIEWS, type ProductDetail, type ReviewPage } from '../../openapi/schemas/product.ts';
import type { SearchParams, SearchResponse, SuggestResponse } from '../../openapi/schemas/search.ts';
import type { CachedReadPolicy } from '../cache/cached-read.ts';
import { etagOf, type Sha256 } from '../cache/etag.ts';
import { memoizeAsync } from '../cache/memoize.ts';
import type { CacheLocation, CacheStore } from '../cache/store.ts';
import { runAfterResponse } from '../http/background.ts';
import type { LiveStock } from '../product/live-stock.ts';
import { reviewQuery, toProductDetail, toReviewPage } from '../product/to-detail.ts';
import type { SortValue } from '../search/cursor.ts';
import type { Es } from '../search/es.ts';
import { buildSearchQuery, type SearchQueryError } from '../search/build-query.ts';
import { buildSuggestQuery, toSuggestResponse } from '../search/suggest.ts';
import { runSearch } from '../search/search.ts';

// The catalog reads the API routes and the storefront pages share: where each answer is cached
// (the same keys, so a page and the API warm each other) and how it is loaded on a miss.
export type CatalogReadsDeps = {
  es: Es;
  cache: CacheStore;
  indexPrefix: string;
  searchTtlSeconds: number;
  productTtlSeconds: number;
  sha256: Sha256;
  liveStock: LiveStock;
};

/** Where an answer lives in the cache, for how long, and how to load it on a miss (a problem is never cached). */
export type CatalogRead<T> = { at: CacheLocation; policy: CachedReadPolicy; load(): Promise<T | Problem> };

export const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'type' in v && 'status' in v;
const notFound = (id: string) => problem(404, 'not-found', 'Product not found', `no product has id ${id}`);

/** Normalised request → what its cache key hashes: parameter order and spelling never split the cache. */
function canonicalRequest(kind: string, params: Record<string, unknown>): string {
  const canonical = Object.keys(params)
    .sort()
    .filter((k) => params[k] !== undefined)
    .map((k) => [k, Array.isArray(params[k]) ? [...(params[k] as string[])].sort() : params[k]]);
  return `${kind}:${JSON.stringify(canonical)}`;
}

export function createCatalogReads(deps: CatalogReadsDeps) {
  const aliases = indexAliases(deps.indexPrefix);
  // Popular searches repeat: their digests are remembered instead of recomputed on every miss.
  const digest = memoizeAsync(deps.sha256, 4_000_000);
  const searchPolicy: CachedReadPolicy = { ttlSeconds: deps.searchTtlSeconds, sMaxAge: 30, staleWhileRevalidate: 120 };
  const productPolicy: CachedReadPolicy = { ttlSeconds: deps.productTtlSeconds, sMaxAge: 10, staleWhileRevalidate: 60 };
  const searchKey = async (kind: string, params: Record<string, unknown>): Promise<CacheLocation> => ({
    key: cacheKeys.search(
      await deps.cache.catalogVersion(),
      await digest(
        canonicalRequest(`${deps.indexPrefix}:${kind}`, { ...params, query: typeof params.query === 'string' ? params.query.toLowerCase() : params.query }),
      ),
    ),
  });

  return {
    searchPolicy,
    productPolicy,
    /** Cache keys of anything else that changes with the catalog (the storefront's pages). */
    searchKey,
    productKey: (id: string) => cacheKeys.product(deps.indexPrefix, id),

    async search(params: SearchParams, searchAfter: SortValue[] | null): Promise<CatalogRead<SearchResponse> | { error: SearchQueryError }> {
      const built = buildSearchQuery(params, searchAfter);
      if ('error' in built) return built;
      return {
        at: await searchKey('search', params),
        policy: searchPolicy,
        load: () => runSearch(deps.es, aliases.products, params, built),
      };
    },

    async suggest(q: string): Promise<CatalogRead<SuggestResponse>> {
      return {
        at: await searchKey('suggest', { query: q }),
        policy: searchPolicy,
        // A prefix of nothing but control or format characters cleans to '': nothing to complete.
        load: async () => (q === '' ? { suggestions: [] } : toSuggestResponse(await deps.es.search(aliases.products, buildSuggestQuery(q)))),
      };
    },

    product(id: string): CatalogRead<ProductDetail> {
      return {
        at: { key: cacheKeys.product(deps.indexPrefix, id), field: 'page' },
        policy: productPolicy,
        load: async () => {
          const [doc, reviews, available] = await Promise.all([
            deps.es.get<ProductDocument>(aliases.products, id),
            deps.es.search<ReviewDocument>(aliases.reviews, reviewQuery(id, 1, FIRST_REVIEWS)),
            deps.liveStock(id),
          ]);
          return doc ? toProductDetail(doc, toReviewPage(reviews, 1, FIRST_REVIEWS), available) : notFound(id);
        },
      };
    },

    reviews(id: string, page: number, size: number): CatalogRead<ReviewPage> {
      return {
        at: { key: cacheKeys.product(deps.indexPrefix, id), field: `reviews:${page}:${size}` },
        policy: productPolicy,
        load: async () => {
          const [doc, reviews] = await Promise.all([
            deps.es.get<Pick<ProductDocument, 'id'>>(aliases.products, id),
            deps.es.search<ReviewDocument>(aliases.reviews, reviewQuery(id, page, size)),
          ]);
          return doc ? toReviewPage(reviews, page, size) : notFound(id);
        },
      };
    },

    /**
     * The value of a read, from the cache or loaded (and then cached, as the API caches it): what a
     * page needs when it renders. Throws SearchUnavailable as a load does.
     */
    async value<T>(c: Context, read: CatalogRead<T>): Promise<T | Problem> {
      const hit = await deps.cache.get(read.at);
      if (hit) return JSON.parse(hit.body) as T;
      const value = await read.load();
      if (isProblem(value)) return value;
      const body = JSON.stringify(value);
      runAfterResponse(c, async () => deps.cache.set(read.at, { etag: await etagOf(body, deps.sha256), body }, read.policy.ttlSeconds));
      return value;
    },
  };
}

export type CatalogReads = ReturnType<typeof createCatalogReads>;
