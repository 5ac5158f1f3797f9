import type { Sql } from 'postgres';
import { productDocument, reviewDocument, type ProductRow, type ReviewRow } from './documents.ts';
import type { ProductDocument, ReviewDocument } from '../../openapi/internal/read-model.ts';

// Current documents straight from Postgres: the indexer re-reads the products an event
// touched, so a document always converges to the source of truth whatever order events came in.
// Archived products load as missing, like hidden reviews: the index drops them and product pages
// answer 404; unarchiving re-indexes them from the row.

const productSelect = (sql: Sql) => sql`
  select p.id, p.pid, p.title, p.brand, p.category_path, p.description, p.image_urls, p.specifications,
         p.price_amount, p.mrp_amount, p.currency, p.rating::float8 as catalog_rating, p.created_at, p.updated_at,
         i.on_hand, i.reserved, r.review_avg, coalesce(r.review_count, 0)::int as review_count
  from products p
  left join inventory i on i.product_id = p.id
  left join lateral (
    select avg(rating)::float8 as review_avg, count(*)::int as review_count from reviews where product_id = p.id and hidden_at is null
  ) r on true
  where p.archived_at is null`;

export async function loadProducts(sql: Sql, ids: readonly string[]): Promise<Map<string, ProductDocument>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<ProductRow[]>`${productSelect(sql)} and p.id in (select jsonb_array_elements_text(${sql.json([...ids])}::jsonb))`;
  return new Map(rows.map((r) => [r.id, productDocument(r)]));
}

/** Every product, in id order, in pages (reindex and convergence checks). */
export async function* allProducts(sql: Sql, pageSize = 2000): AsyncGenerator<ProductDocument[]> {
  let after = '';
  for (;;) {
    const rows = await sql<ProductRow[]>`${productSelect(sql)} and p.id > ${after} order by p.id limit ${pageSize}`;
    if (rows.length === 0) return;
    yield rows.map(productDocument);
    after = rows[rows.length - 1]!.id;
  }
}

// Hidden reviews (their purchase was cancelled or refunded) load as missing: the index drops them.
const reviewSelect = (sql: Sql) => sql`select id::text, product_id, author_name, rating::int, title, body, created_at from reviews where hidden_at is null`;

export async function loadReviews(sql: Sql, ids: readonly string[]): Promise<Map<string, ReviewDocument>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<ReviewRow[]>`${reviewSelect(sql)} and id::text in (select jsonb_array_elements_text(${sql.json([...ids])}::jsonb))`;
  return new Map(rows.map((r) => [r.id, reviewDocument(r)]));
}

export async function* allReviews(sql: Sql, pageSize = 2000): AsyncGenerator<ReviewDocument[]> {
  let after = '';
  for (;;) {
    const rows = await sql<ReviewRow[]>`${reviewSelect(sql)} and id::text > ${after} order by id::text limit ${pageSize}`;
    if (rows.length === 0) return;
    yield rows.map(reviewDocument);
    after = rows[rows.length - 1]!.id;
  }
}
