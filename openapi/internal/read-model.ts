import { z } from 'zod';

// The read model shared by cdc/ (which writes it) and edge/ (which reads it): Elasticsearch
// documents, index aliases and Redis cache keys. Internal, not part of the public OpenAPI.

export const SpecificationSchema = z.object({ key: z.string(), value: z.string() });

/** One document of the products index; money in paise. */
export const ProductDocumentSchema = z.object({
  id: z.string(),
  pid: z.string(),
  title: z.string(),
  brand: z.string().nullable(),
  /** Full path, root first: ["Clothing", "Women's Clothing", ...]. */
  category_path: z.array(z.string()),
  /** Top-level category (category_path[0]) for facets. */
  category: z.string().nullable(),
  description: z.string().nullable(),
  image_urls: z.array(z.string()),
  specifications: z.array(SpecificationSchema),
  price: z.number().int().nullable(),
  mrp: z.number().int().nullable(),
  currency: z.literal('INR'),
  discount_percent: z.number().int().min(0).max(100).nullable(),
  /** Average of review ratings when there are reviews, else the catalog's rating. */
  rating: z.number().min(0).max(5).nullable(),
  rating_count: z.number().int().nonnegative(),
  /**
   * Whether it can be bought (a price and at least one unit). The quantity is not here: every
   * reservation changes it, and re-indexing on each one cost Elasticsearch half the CPU of a
   * checkout load. The live quantity is a Redis hash (stockKeys) the indexer keeps.
   */
  in_stock: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ProductDocument = z.infer<typeof ProductDocumentSchema>;

/** A published review: hidden ones are not in the index, and it names its author by display name only. */
export const ReviewDocumentSchema = z.object({
  id: z.string(),
  product_id: z.string(),
  author: z.string(),
  rating: z.number().int().min(1).max(5),
  title: z.string(),
  body: z.string(),
  created_at: z.string(),
});
export type ReviewDocument = z.infer<typeof ReviewDocumentSchema>;

/** Aliases the edge reads; cdc/ points them at versioned indices (prefix-products-v<N>). */
export const indexAliases = (prefix: string) => ({ products: `${prefix}-products`, reviews: `${prefix}-reviews` });

/**
 * Redis keys. Every cached variant of one product (page, review pages) lives as a field of
 * one hash, so the indexer retires them all with a single DEL. Search and suggest entries
 * embed the catalog version; bumping it retires them all at once. Product hashes and the
 * version belong to one index prefix, so a second pipeline (a test's, a staging one) never
 * reads, extends or retires the other's entries.
 */
export const cacheKeys = {
  product: (indexPrefix: string, productId: string) => `cache:product:${indexPrefix}:${productId}`,
  catalogVersion: (indexPrefix: string) => `cache:catalog-version:${indexPrefix}`,
  search: (catalogVersion: string | number, requestHash: string) => `cache:search:${catalogVersion}:${requestHash}`,
};

/**
 * The live stock projection the indexer writes from inventory events: per product a hash with
 * `available` (on_hand - reserved), `lsn` (of the event it came from: an older event never
 * overwrites a newer value), and `in_stock` / `priced` (what the search document was last indexed
 * with, so the indexer re-indexes only when in_stock flips). The edge reads `available`.
 */
export const stockKeys = {
  product: (indexPrefix: string, productId: string) => `stock:${indexPrefix}:${productId}`,
  /** Set once every product's stock was loaded from Postgres into the projection. */
  seeded: (indexPrefix: string) => `stock-seeded:${indexPrefix}`,
};
export const STOCK_AVAILABLE_FIELD = 'available';
