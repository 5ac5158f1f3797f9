import type { ProductDocument, ReviewDocument } from '../../openapi/internal/read-model.ts';
import { cacheKeys, indexAliases } from '../../openapi/internal/read-model.ts';
import { problem, sendProblem, validationProblem } from '../../openapi/problem.ts';
import { FIRST_REVIEWS } from '../../openapi/schemas/product.ts';
import type { Problem } from '../../openapi/schemas/common.ts';
import { productReviewsRoute, productRoute } from '../../openapi/routes/product.ts';
import { searchRoute, suggestRoute } from '../../openapi/routes/search.ts';
import type { CachedReadPolicy, createCachedReader } from '../cache/cached-read.ts';
import type { Sha256 } from '../cache/etag.ts';
import { memoizeAsync } from '../cache/memoize.ts';
import type { CacheStore } from '../cache/store.ts';
import type { EdgeApp } from '../context.ts';
import { reviewQuery, toProductDetail, toReviewPage } from '../product/to-detail.ts';
import { buildSearchQuery } from '../search/build-query.ts';
import { decodeCursor } from '../search/cursor.ts';
import type { Es } from '../search/es.ts';
import { buildSuggestQuery, toSuggestResponse } from '../search/suggest.ts';
import { toSearchResponse } from '../search/to-response.ts';

// Search, autocomplete, product pages and reviews: Redis first, then Elasticsearch. Cache
// entries name the index prefix, so an edge reading another read model never shares them.
export type ProductsDeps = {
  es: Es;
  cache: CacheStore;
  cachedRead: ReturnType<typeof createCachedReader>;
  indexPrefix: string;
  searchTtlSeconds: number;
  productTtlSeconds: number;
  sha256: Sha256;
};

const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'type' in v && 'status' in v;
const notFound = (id: string) => problem(404, 'not-found', 'Product not found', `no product has id ${id}`);

/** Normalised request → what its cache key hashes: parameter order and spelling never split the cache. */
function canonicalRequest(kind: string, params: Record<string, unknown>): string {
  const canonical = Object.keys(params)
    .sort()
    .filter((k) => params[k] !== undefined)
    .map((k) => [k, Array.isArray(params[k]) ? [...(params[k] as string[])].sort() : params[k]]);
  return `${kind}:${JSON.stringify(canonical)}`;
}

export function registerProducts(app: EdgeApp, deps: ProductsDeps): void {
  const aliases = indexAliases(deps.indexPrefix);
  // Popular searches repeat: their digests are remembered instead of recomputed on every miss.
  const digest = memoizeAsync(deps.sha256, 4_000_000);
  const searchPolicy: CachedReadPolicy = { ttlSeconds: deps.searchTtlSeconds, sMaxAge: 30, staleWhileRevalidate: 120 };
  const productPolicy: CachedReadPolicy = { ttlSeconds: deps.productTtlSeconds, sMaxAge: 10, staleWhileRevalidate: 60 };
  const searchKey = async (kind: string, params: Record<string, unknown>) => ({
    key: cacheKeys.search(
      await deps.cache.catalogVersion(),
      await digest(
        canonicalRequest(`${deps.indexPrefix}:${kind}`, { ...params, query: typeof params.query === 'string' ? params.query.toLowerCase() : params.query }),
      ),
    ),
  });

  app.openapi(searchRoute, async (c) => {
    const params = c.req.valid('query');
    const searchAfter = params.cursor === undefined ? null : decodeCursor(params.cursor);
    if (params.cursor !== undefined && searchAfter === null)
      return sendProblem(c, validationProblem([{ field: 'cursor', message: 'not a cursor returned by this API' }]));
    const built = buildSearchQuery(params, searchAfter);
    if ('error' in built) return sendProblem(c, validationProblem([built.error]));
    return deps.cachedRead(c, {
      at: await searchKey('search', params),
      policy: searchPolicy,
      load: async () => toSearchResponse(await deps.es.search(aliases.products, built.body), params, built.body.from ?? null),
    });
  });

  app.openapi(suggestRoute, async (c) => {
    const { q } = c.req.valid('query');
    return deps.cachedRead(c, {
      at: await searchKey('suggest', { query: q }),
      policy: searchPolicy,
      // A prefix of nothing but control or format characters cleans to '': nothing to complete.
      load: async () => (q === '' ? { suggestions: [] } : toSuggestResponse(await deps.es.search(aliases.products, buildSuggestQuery(q)))),
    });
  });

  app.openapi(productRoute, async (c) => {
    const { product_id: id } = c.req.valid('param');
    return deps.cachedRead(c, {
      at: { key: cacheKeys.product(deps.indexPrefix, id), field: 'page' },
      policy: productPolicy,
      isProblem,
      load: async () => {
        const [doc, reviews] = await Promise.all([
          deps.es.get<ProductDocument>(aliases.products, id),
          deps.es.search<ReviewDocument>(aliases.reviews, reviewQuery(id, 1, FIRST_REVIEWS)),
        ]);
        return doc ? toProductDetail(doc, toReviewPage(reviews, 1, FIRST_REVIEWS)) : notFound(id);
      },
    });
  });

  app.openapi(productReviewsRoute, async (c) => {
    const { product_id: id } = c.req.valid('param');
    const { page, size } = c.req.valid('query');
    return deps.cachedRead(c, {
      at: { key: cacheKeys.product(deps.indexPrefix, id), field: `reviews:${page}:${size}` },
      policy: productPolicy,
      isProblem,
      load: async () => {
        const [doc, reviews] = await Promise.all([
          deps.es.get<Pick<ProductDocument, 'id'>>(aliases.products, id),
          deps.es.search<ReviewDocument>(aliases.reviews, reviewQuery(id, page, size)),
        ]);
        return doc ? toReviewPage(reviews, page, size) : notFound(id);
      },
    });
  });
}
