import type { ProductDocument, ReviewDocument } from '../../openapi/internal/read-model.ts';

// Read-model documents built from Postgres rows (pure). Both the indexer and the reindex use
// these, so a document always means the same thing however it was built.

export type ProductRow = {
  id: string;
  pid: string;
  title: string;
  brand: string | null;
  category_path: string[];
  description: string | null;
  image_urls: string[];
  specifications: unknown;
  price_amount: number | null;
  mrp_amount: number | null;
  currency: string;
  catalog_rating: number | null;
  created_at: Date;
  updated_at: Date;
  on_hand: number | null;
  reserved: number | null;
  review_avg: number | null;
  review_count: number;
};

export type ReviewRow = { id: string; product_id: string; author_name: string; rating: number; title: string; body: string; created_at: Date };

const specs = (x: unknown): ProductDocument['specifications'] =>
  Array.isArray(x)
    ? x.flatMap((s) =>
        s && typeof s === 'object' && 'key' in s && 'value' in s
          ? [{ key: String((s as { key: unknown }).key), value: String((s as { value: unknown }).value) }]
          : [],
      )
    : [];

export function discountPercent(price: number | null, mrp: number | null): number | null {
  if (price === null || mrp === null || mrp <= 0 || price > mrp) return null;
  return Math.round(((mrp - price) * 100) / mrp);
}

/** Review average (one decimal, like the catalog's ratings) when there are reviews, else the catalog rating. */
export function effectiveRating(reviewAvg: number | null, reviewCount: number, catalogRating: number | null): number | null {
  if (reviewCount > 0 && reviewAvg !== null) return Math.round(reviewAvg * 10) / 10;
  return catalogRating;
}

/** Units that can be bought: what is on hand and not held by an open order. */
export const availableUnits = (onHand: number | null, reserved: number | null): number => Math.max(0, (onHand ?? 0) - (reserved ?? 0));

export function productDocument(row: ProductRow): ProductDocument {
  const available = availableUnits(row.on_hand, row.reserved);
  return {
    id: row.id,
    pid: row.pid,
    title: row.title,
    brand: row.brand,
    category_path: row.category_path,
    category: row.category_path[0] ?? null,
    description: row.description,
    image_urls: row.image_urls,
    specifications: specs(row.specifications),
    price: row.price_amount,
    mrp: row.mrp_amount,
    currency: 'INR',
    discount_percent: discountPercent(row.price_amount, row.mrp_amount),
    rating: effectiveRating(row.review_avg, row.review_count, row.catalog_rating),
    rating_count: row.review_count,
    // A product without a price is shown but cannot be bought.
    in_stock: available > 0 && row.price_amount !== null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export function reviewDocument(row: ReviewRow): ReviewDocument {
  return {
    id: row.id,
    product_id: row.product_id,
    // The name the reviewer chose: no user id or email reaches a public index.
    author: row.author_name,
    rating: row.rating,
    title: row.title,
    body: row.body,
    created_at: row.created_at.toISOString(),
  };
}
