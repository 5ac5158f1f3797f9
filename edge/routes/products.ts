import { sendProblem, validationProblem } from '../../openapi/problem.ts';
import { productReviewsRoute, productRoute } from '../../openapi/routes/product.ts';
import { searchRoute, suggestRoute } from '../../openapi/routes/search.ts';
import type { createCachedReader } from '../cache/cached-read.ts';
import type { EdgeApp } from '../context.ts';
import { decodeCursor } from '../search/cursor.ts';
import { isProblem, type CatalogReads } from './catalog-reads.ts';

// Search, autocomplete, product pages and reviews: Redis first, then Elasticsearch. Cache
// entries name the index prefix, so an edge reading another read model never shares them.
export type ProductsDeps = {
  reads: CatalogReads;
  cachedRead: ReturnType<typeof createCachedReader>;
};

export function registerProducts(app: EdgeApp, { reads, cachedRead }: ProductsDeps): void {
  app.openapi(searchRoute, async (c) => {
    const params = c.req.valid('query');
    const searchAfter = params.cursor === undefined ? null : decodeCursor(params.cursor);
    if (params.cursor !== undefined && searchAfter === null)
      return sendProblem(c, validationProblem([{ field: 'cursor', message: 'not a cursor returned by this API' }]));
    const read = await reads.search(params, searchAfter);
    if ('error' in read) return sendProblem(c, validationProblem([read.error]));
    return cachedRead(c, read);
  });

  app.openapi(suggestRoute, async (c) => cachedRead(c, await reads.suggest(c.req.valid('query').q)));

  app.openapi(productRoute, async (c) => cachedRead(c, { ...reads.product(c.req.valid('param').product_id), isProblem }));

  app.openapi(productReviewsRoute, async (c) => {
    const { page, size } = c.req.valid('query');
    return cachedRead(c, { ...reads.reviews(c.req.valid('param').product_id, page, size), isProblem });
  });
}
