import type { estypes } from '@elastic/elasticsearch';
import type { ProductDocument, ReviewDocument } from '../../openapi/internal/read-model.ts';
import type { ProductDetail, ReviewPage } from '../../openapi/schemas/product.ts';
import { toSummary } from '../search/to-response.ts';

// Pure: read-model documents → the product page and review pages.
export function toReviewPage(res: estypes.SearchResponse<ReviewDocument>, page: number, size: number): ReviewPage {
  const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
  return { items: res.hits.hits.map((h) => h._source!), total, page, size };
}

/** `available` is the live count (live-stock.ts): the document carries only in_stock. */
export function toProductDetail(doc: ProductDocument, reviews: ReviewPage, available: number): ProductDetail {
  const summary = toSummary(doc);
  return {
    ...summary,
    pid: doc.pid,
    description: doc.description,
    image_urls: doc.image_urls,
    specifications: doc.specifications,
    available,
    rating_summary: { average: doc.rating, count: doc.rating_count },
    reviews,
    updated_at: doc.updated_at,
  };
}

/** Reviews of one product, newest first. */
export function reviewQuery(productId: string, page: number, size: number): estypes.SearchRequest {
  return {
    query: { bool: { filter: [{ term: { product_id: productId } }] } },
    sort: [{ created_at: 'desc' }, { id: 'asc' }],
    from: (page - 1) * size,
    size,
    track_total_hits: true,
  };
}
