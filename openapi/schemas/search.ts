import { z } from '@hono/zod-openapi';
import { MoneySchema } from './common.ts';

// Search and autocomplete: the public shape of GET /products/search_item and /products/suggest.
export const MAX_PAGE_SIZE = 100;
export const SORTS = ['relevance', 'price_asc', 'price_desc', 'rating', 'newest'] as const;

/** A query parameter that may be repeated (?brand=a&brand=b) or comma-separated (?brand=a,b). */
const listParam = (name: string, description: string) =>
  z
    .preprocess(
      (v) =>
        v === undefined
          ? undefined
          : (Array.isArray(v) ? v : [v])
              .flatMap((s) => String(s).split(','))
              .map((s) => s.trim())
              .filter(Boolean),
      z.array(z.string().min(1).max(100)).max(20).optional(),
    )
    .openapi({ param: { name, in: 'query', style: 'form', explode: true }, description });

/**
 * An optional number in the query. z.coerce alone reads a blank parameter (`?price_max=`) as 0
 * (Number('') is 0): blank is refused instead. The document says what a query can carry — a
 * number, never null (coercion alone would document `null` too).
 */
const queryNumber = (type: 'integer' | 'number', min: number, max: number | undefined, description?: string) => {
  const bounded = max === undefined ? z.coerce.number().min(min) : z.coerce.number().min(min).max(max);
  return z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? Number.NaN : v), (type === 'integer' ? bounded.int() : bounded).optional())
    .openapi({ type, minimum: min, ...(max === undefined ? {} : { maximum: max }), ...(description ? { description } : {}) });
};

export const MAX_QUERY_CHARACTERS = 500;

/**
 * Fewer listings (or products) than this with all of a search's words, and a search of several
 * words widens to most of them: a first page's worth.
 */
export const WIDEN_BELOW = 20;

/**
 * Search text as Elasticsearch can take it whatever was typed: combining marks compose (NFC), and
 * control, format, lone surrogate, private-use and unassigned characters (the completion suggester
 * refuses some of them) become spaces.
 */
export function cleanSearchText(raw: string): string {
  return raw
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, ' ')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Free text of at most MAX_QUERY_CHARACTERS characters (code points), cleaned. */
const searchText = () =>
  z
    .string()
    .refine((s) => [...s].length <= MAX_QUERY_CHARACTERS, { message: `at most ${MAX_QUERY_CHARACTERS} characters` })
    .transform(cleanSearchText);

export const SearchQuerySchema = z.object({
  query: searchText()
    .default('')
    .openapi({
      maxLength: MAX_QUERY_CHARACTERS,
      description: `Free text of at most ${MAX_QUERY_CHARACTERS} characters; empty browses the catalog. Finds products with all the words (as written, stemmed, as synonyms, joined or split as compounds, or within a typo); when fewer than ${WIDEN_BELOW} listings have them all, products with most of them`,
      example: 'samsung',
    }),
  page: z.coerce.number().int().min(1).max(10_000).default(1).openapi({ description: '1-based page number (ignored when cursor is set)' }),
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(20)
    .openapi({ description: `Hits per page, at most ${MAX_PAGE_SIZE}` }),
  cursor: z.string().max(1000).optional().openapi({ description: 'next_cursor of the previous page, for deep paging' }),
  sort: z.enum(SORTS).default('relevance'),
  category: listParam('category', 'Top-level categories (any of)'),
  brand: listParam('brand', 'Brands (any of)'),
  price_min: queryNumber('integer', 0, undefined, 'Minimum selling price in paise'),
  price_max: queryNumber('integer', 0, undefined, 'Maximum selling price in paise'),
  rating_min: queryNumber('number', 0, 5),
  in_stock: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({ type: 'string', enum: ['true', 'false'], description: 'Only products with available stock' }),
});
export type SearchParams = z.infer<typeof SearchQuerySchema>;

export const ProductSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    brand: z.string().nullable(),
    category_path: z.array(z.string()),
    price: MoneySchema.nullable().openapi({ description: 'Selling price; null when the product is not for sale' }),
    mrp: MoneySchema.nullable(),
    discount_percent: z.number().int().min(0).max(100).nullable(),
    rating: z.number().min(0).max(5).nullable(),
    rating_count: z.number().int().nonnegative(),
    in_stock: z.boolean(),
    image_url: z.string().nullable(),
    highlights: z.record(z.string(), z.array(z.string())).optional().openapi({ description: 'Matched fragments per field, wrapped in <em>' }),
  })
  .openapi('ProductSummary');
export type ProductSummary = z.infer<typeof ProductSummarySchema>;

const FacetBucketSchema = z.object({ value: z.string(), count: z.number().int().nonnegative() }).openapi('FacetBucket');
const RangeBucketSchema = z
  .object({ key: z.string(), from: z.number().nullable(), to: z.number().nullable(), count: z.number().int().nonnegative() })
  .openapi('RangeBucket');

export const FacetsSchema = z
  .object({
    categories: z.array(FacetBucketSchema),
    brands: z.array(FacetBucketSchema),
    price: z.array(RangeBucketSchema).openapi({ description: 'Selling-price buckets in paise; to is exclusive' }),
    rating: z.array(RangeBucketSchema).openapi({ description: 'Products rated at least from' }),
  })
  .openapi('Facets');

export const SearchResponseSchema = z
  .object({
    items: z.array(ProductSummarySchema),
    total: z
      .number()
      .int()
      .nonnegative()
      .openapi({ description: 'Matching products; in relevance order with a query, distinct listings (products with identical titles count once)' }),
    page: z.number().int().min(1),
    size: z.number().int().min(1),
    next_cursor: z.string().nullable(),
    facets: FacetsSchema,
    did_you_mean: z
      .string()
      .nullable()
      .openapi({ description: 'A respelling of the query that matches more products, when this one matched few or none', example: 'samsung' }),
  })
  .openapi('SearchResponse');
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const SuggestQuerySchema = z.object({
  q: z
    .string()
    .min(1)
    .pipe(searchText())
    .openapi({ maxLength: MAX_QUERY_CHARACTERS, description: `A prefix of at most ${MAX_QUERY_CHARACTERS} characters; typos are tolerated`, example: 'sams' }),
});

export const SuggestResponseSchema = z
  .object({
    suggestions: z.array(z.object({ text: z.string(), product_id: z.string() })).max(10),
  })
  .openapi('SuggestResponse');
export type SuggestResponse = z.infer<typeof SuggestResponseSchema>;
