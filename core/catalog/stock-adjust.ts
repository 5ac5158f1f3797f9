import { recordAudit } from '../audit/record.ts';
import type { OperatorClaims } from '../auth/session.ts';
import type { Sql, Tx } from '../db/types.ts';
import { DomainError, invalidField } from '../errors/domain-error.ts';
import { readProduct } from './product-store.ts';
import type { AdjustStockBody } from '../../openapi/schemas/admin-catalog.ts';
import { nextOnHand, stockChangeOf, type StockChange, type StockLevel } from './stock-rule.ts';

// Operator stock changes. The inventory row is locked first, as checkout's reservations lock it,
// so a reservation landing meanwhile is either counted or waits for us.

export type Stock = StockLevel & { product_id: string; available: number };
const stockOf = (productId: string, level: StockLevel): Stock => ({ product_id: productId, ...level, available: level.on_hand - level.reserved });

async function lockStock(tx: Tx, productId: string): Promise<StockLevel> {
  const [row] = await tx<StockLevel[]>`select on_hand, reserved from inventory where product_id = ${productId} for update`;
  if (row) return row;
  // a product without a stock row has nothing on hand; give it one to lock
  await tx`insert into inventory (product_id, on_hand) values (${productId}, 0) on conflict (product_id) do nothing`;
  const [created] = await tx<StockLevel[]>`select on_hand, reserved from inventory where product_id = ${productId} for update`;
  return created!;
}

/** Inside the caller's transaction, for a product that exists. */
export async function changeStock(tx: Tx, productId: string, change: StockChange): Promise<{ before: Stock; after: Stock }> {
  const current = await lockStock(tx, productId);
  const decision = nextOnHand(current, change);
  const field = 'delta' in change ? 'delta' : 'on_hand';
  if (!decision.ok && decision.reason === 'too-many')
    throw invalidField(field, `would leave ${decision.wanted} units on hand, more than the most a product can hold`);
  if (!decision.ok) {
    const message = `would leave ${decision.wanted} on hand, below the ${current.reserved} reserved`;
    throw new DomainError('below-reserved', `product ${productId}: ${message}`, {
      product_id: productId,
      on_hand: current.on_hand,
      reserved: current.reserved,
      errors: [{ field, message }],
    });
  }
  await tx`update inventory set on_hand = ${decision.on_hand}, updated_at = now() where product_id = ${productId}`;
  return { before: stockOf(productId, current), after: stockOf(productId, { on_hand: decision.on_hand, reserved: current.reserved }) };
}

export async function adjustStock(sql: Sql, actor: OperatorClaims, productId: string, body: AdjustStockBody): Promise<Stock> {
  const change = stockChangeOf(body);
  if (!change) throw invalidField('delta', 'give delta or on_hand');
  return sql.begin(async (tx) => {
    await readProduct(tx, productId, { lock: true });
    const { before, after } = await changeStock(tx, productId, change);
    const action = 'delta' in change ? 'stock.adjust' : 'stock.set';
    await recordAudit(tx, actor, { action, entity: 'inventory', entityId: productId, before, after, reason: body.reason });
    return after;
  });
}
