import { randomUUID } from 'node:crypto';
import type { AdminProduct, CreateProductBody, UpdateProductBody } from '../../openapi/schemas/admin-catalog.ts';
import { recordAudit } from '../audit/record.ts';
import type { OperatorClaims } from '../auth/session.ts';
import { isUniqueViolation, type Sql } from '../db/types.ts';
import { DomainError } from '../errors/domain-error.ts';
import { nextPrices } from './price-rule.ts';
import { readProduct } from './product-store.ts';

// Creating, editing and archiving products: one transaction and one audit row each.

/** Like the catalog's ids: 32 hex characters. */
const newProductId = () => randomUUID().replaceAll('-', '');

export async function createProduct(sql: Sql, actor: OperatorClaims, body: CreateProductBody): Promise<AdminProduct> {
  const priced = nextPrices({ price_amount: null, mrp_amount: null }, body);
  if (!priced.ok) throw new DomainError('price-above-mrp', priced.message, { errors: [{ field: priced.field, message: priced.message }] });
  const id = body.id ?? newProductId();
  const { on_hand, ...fields } = body;
  const row = {
    brand: null,
    category_path: [],
    description: null,
    image_urls: [],
    ...fields,
    id,
    pid: body.pid ?? id,
  };
  try {
    return await sql.begin(async (tx) => {
      await tx`
        insert into products ${tx({ ...row, specifications: tx.json(body.specifications ?? []) }, 'id', 'pid', 'title', 'brand', 'category_path', 'description', 'image_urls', 'specifications', 'price_amount', 'mrp_amount')}`;
      await tx`insert into inventory (product_id, on_hand) values (${id}, ${on_hand})`;
      const created = await readProduct(tx, id);
      await recordAudit(tx, actor, { action: 'product.create', entity: 'product', entityId: id, before: null, after: created });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'products_pkey'))
      throw new DomainError('product-exists', `a product with id ${id} exists`, { errors: [{ field: 'id', message: 'already exists' }] });
    throw e;
  }
}

export async function updateProduct(sql: Sql, actor: OperatorClaims, id: string, patch: UpdateProductBody): Promise<AdminProduct> {
  return sql.begin(async (tx) => {
    const before = await readProduct(tx, id, { lock: true });
    const set = { ...patch, ...(patch.specifications ? { specifications: tx.json(patch.specifications) } : {}) };
    await tx`update products set ${tx(set, ...(Object.keys(patch) as (keyof typeof set)[]))}, updated_at = now() where id = ${id}`;
    const after = await readProduct(tx, id);
    const fields = Object.keys(patch) as (keyof UpdateProductBody)[];
    const pick = (p: AdminProduct) => Object.fromEntries(fields.map((f) => [f, p[f]]));
    await recordAudit(tx, actor, { action: 'product.update', entity: 'product', entityId: id, before: pick(before), after: pick(after) });
    return after;
  });
}

/** Archives (`archived: true`) or brings back a product; asking for the state it is in is a conflict. */
export async function setArchived(sql: Sql, actor: OperatorClaims, id: string, archived: boolean): Promise<AdminProduct> {
  return sql.begin(async (tx) => {
    const before = await readProduct(tx, id, { lock: true });
    if ((before.archived_at !== null) === archived) {
      throw archived
        ? new DomainError('product-archived', `product ${id} is already archived`, { archived_at: before.archived_at })
        : new DomainError('product-not-archived', `product ${id} is not archived`);
    }
    await tx`update products set archived_at = case when ${archived} then now() end, updated_at = now() where id = ${id}`;
    const after = await readProduct(tx, id);
    await recordAudit(tx, actor, {
      action: archived ? 'product.archive' : 'product.unarchive',
      entity: 'product',
      entityId: id,
      before: { archived_at: before.archived_at },
      after: { archived_at: after.archived_at },
    });
    return after;
  });
}
