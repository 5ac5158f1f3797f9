import type { AdminProduct } from '../../openapi/schemas/admin-catalog.ts';
import type { Sql, Tx } from '../db/types.ts';
import { notFound } from '../errors/domain-error.ts';

// The product as an operator sees it (its row and its stock), read inside the change's
// transaction; `lock` takes the product row for the rest of it, so two operators' changes to one
// product apply one after the other.

type Row = Omit<AdminProduct, 'archived_at' | 'created_at' | 'updated_at' | 'currency'> & {
  currency: string;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export const adminProduct = (r: Row): AdminProduct => ({
  ...r,
  currency: 'INR',
  archived_at: iso(r.archived_at),
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
});

export async function readProduct(db: Sql | Tx, id: string, opts: { lock: boolean } = { lock: false }): Promise<AdminProduct> {
  const rows = await db<Row[]>`
    select p.id, p.pid, p.title, p.brand, p.category_path, p.description, p.image_urls, p.specifications, p.price_amount, p.mrp_amount,
           p.currency, coalesce(i.on_hand, 0)::int as on_hand, coalesce(i.reserved, 0)::int as reserved, p.archived_at, p.created_at, p.updated_at
    from products p left join inventory i on i.product_id = p.id where p.id = ${id} ${opts.lock ? db`for update of p` : db``}`;
  const row = rows[0];
  if (!row) throw notFound(`product ${id}`);
  return adminProduct(row);
}
