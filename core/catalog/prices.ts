import type { AdminProduct } from '../../openapi/schemas/admin-catalog.ts';
import { recordAudit } from '../audit/record.ts';
import type { OperatorClaims } from '../auth/session.ts';
import type { Sql, Tx } from '../db/types.ts';
import { DomainError } from '../errors/domain-error.ts';
import { nextPrices, type PriceChange, type Prices } from './price-rule.ts';
import { readProduct } from './product-store.ts';

// Price and MRP changes. A product page and search show the new price once the indexer has
// re-read the row (the usual CDC lag): the update bumps updated_at, which the document carries.

/** Inside the caller's transaction, on a product row the caller locked. */
export async function changePrices(tx: Tx, current: Prices & { id: string }, change: PriceChange): Promise<{ before: Prices; after: Prices }> {
  const decision = nextPrices(current, change);
  if (!decision.ok) throw new DomainError('price-above-mrp', decision.message, { errors: [{ field: decision.field, message: decision.message }] });
  const after = decision.prices;
  await tx`update products set price_amount = ${after.price_amount}, mrp_amount = ${after.mrp_amount}, updated_at = now() where id = ${current.id}`;
  return { before: { price_amount: current.price_amount, mrp_amount: current.mrp_amount }, after };
}

export async function setPrice(sql: Sql, actor: OperatorClaims, id: string, prices: Required<PriceChange>): Promise<AdminProduct> {
  return sql.begin(async (tx) => {
    const { before, after } = await changePrices(tx, await readProduct(tx, id, { lock: true }), prices);
    await recordAudit(tx, actor, { action: 'price.set', entity: 'product', entityId: id, before, after });
    return readProduct(tx, id);
  });
}
