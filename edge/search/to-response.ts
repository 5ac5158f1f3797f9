import type { estypes } from '@elastic/elasticsearch';
import type { ProductDocument } from '../../openapi/internal/read-model.ts';
import type { ProductSummary, SearchParams, SearchResponse } from '../../openapi/schemas/search.ts';
import { encodeCursor, type SortValue } from './cursor.ts';
import { highlightTitle, queryWords } from './highlight.ts';

// Pure: an Elasticsearch _search response → the public SearchResponse.
type SummarySource = Pick<
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

export function toSearchResponse(res: estypes.SearchResponse<SummarySource>, p: SearchParams): SearchResponse {
  const hits = res.hits.hits;
  const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
  const last = hits[hits.length - 1];
  // A short page is the end; so is a full one that reaches the total (known only in page mode).
  const more = hits.length === p.size && (p.cursor !== undefined || (p.page - 1) * p.size + hits.length < total);
  const nextCursor = more && last?.sort ? encodeCursor(last.sort as SortValue[]) : null;
  const words = queryWords(p.query);
  return {
    items: hits.map((h) => {
      const title = highlightTitle(h._source!.title, words);
      return toSummary(h._source!, title === null ? undefined : { title: [title] });
    }),
    total,
    page: p.page,
    size: p.size,
    next_cursor: nextCursor,
    facets: {
      categories: terms(res.aggregations?.categories),
      brands: terms(res.aggregations?.brands),
      price: ranges(res.aggregations?.price),
      rating: ranges(res.aggregations?.rating),
    },
  };
}
