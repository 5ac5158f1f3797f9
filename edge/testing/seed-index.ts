import type { Sql } from 'postgres';
import type { ProductDocument } from '../../openapi/internal/read-model.ts';
import type { SearchClient } from '../../cdc/search/client.ts';
import { createVersionedIndex } from '../../cdc/search/indices.ts';
import { withSuggest } from '../../cdc/search/suggest.ts';

// Node-only test support (never imported by the Worker): builds a private read model under
// its own index prefix from the real catalog rows, with cdc/'s mappings, so edge tests do not
// depend on the CDC indexer having run and never touch the shared indices.
type Row = Omit<ProductDocument, 'currency' | 'discount_percent' | 'in_stock' | 'rating_count' | 'category' | 'created_at' | 'updated_at'> & {
  created_at: Date;
  updated_at: Date;
};

export function toDocument(r: Row): ProductDocument {
  const discount = r.price !== null && r.mrp !== null && r.mrp > 0 ? Math.round(((r.mrp - r.price) * 100) / r.mrp) : null;
  return {
    ...r,
    category: r.category_path[0] ?? null,
    currency: 'INR',
    discount_percent: discount,
    rating_count: 0,
    in_stock: r.available > 0 && r.price !== null,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}

/** Products matching any of `terms` (title or brand) plus the first `extra` by id. */
export async function loadCatalogSlice(sql: Sql, terms: string[], extra: number): Promise<ProductDocument[]> {
  const patterns = terms.map((t) => `%${t}%`);
  const rows = await sql<Row[]>`
    select p.id, p.pid, p.title, p.brand, p.category_path, p.description, p.image_urls, p.specifications,
           p.price_amount as price, p.mrp_amount as mrp, p.rating::float8 as rating,
           greatest(i.on_hand - i.reserved, 0) as available, p.created_at, p.updated_at
    from products p join inventory i on i.product_id = p.id
    where p.title ilike any(${patterns}) or p.brand ilike any(${patterns})
       or p.id in (select id from products order by id limit ${extra})`;
  return rows.map(toDocument);
}

export async function seedProducts(es: SearchClient, prefix: string, docs: ProductDocument[]): Promise<void> {
  await createVersionedIndex(es, prefix, 'products', { withAlias: true });
  await createVersionedIndex(es, prefix, 'reviews', { withAlias: true });
  for (let i = 0; i < docs.length; i += 1000) {
    const chunk = docs.slice(i, i + 1000);
    const res = await es.bulk({ index: `${prefix}-products`, refresh: i + 1000 >= docs.length ? 'wait_for' : false, operations: chunk.flatMap((d) => [{ index: { _id: d.id } }, withSuggest(d)]) });
    if (res.errors) throw new Error(`seeding ${prefix} failed: ${JSON.stringify(res.items.find((it) => it.index?.error)?.index?.error)}`);
  }
}
