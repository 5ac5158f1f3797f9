import type { ShortLine } from '../../openapi/schemas/checkout.ts';
import type { Tx } from '../db/types.ts';

// Stock moves inside the caller's transaction. Callers pass lines summed per product and sorted
// by product id (sumLinesByProduct), so concurrent transactions lock rows in one global order.
export type StockLine = { product_id: string; quantity: number };

/** Reserves every line or reports each short one; on shortage the caller rolls back. */
export async function reserveStock(tx: Tx, lines: readonly StockLine[]): Promise<ShortLine[]> {
  const short: ShortLine[] = [];
  for (const l of lines) {
    const done = await tx`
      update inventory set reserved = reserved + ${l.quantity}, updated_at = now()
      where product_id = ${l.product_id} and on_hand - reserved >= ${l.quantity}
      returning product_id`;
    if (done.length) continue;
    const [row] = await tx<{ available: number }[]>`select on_hand - reserved as available from inventory where product_id = ${l.product_id}`;
    short.push({ product_id: l.product_id, requested: l.quantity, available: row?.available ?? 0 });
  }
  return short;
}

export async function releaseReservation(tx: Tx, lines: readonly StockLine[]): Promise<void> {
  for (const l of lines) await tx`update inventory set reserved = reserved - ${l.quantity}, updated_at = now() where product_id = ${l.product_id}`;
}

/** A paid order's reservation becomes a sale: the units leave the shelf. */
export async function sellReservation(tx: Tx, lines: readonly StockLine[]): Promise<void> {
  for (const l of lines) {
    await tx`update inventory set on_hand = on_hand - ${l.quantity}, reserved = reserved - ${l.quantity}, updated_at = now() where product_id = ${l.product_id}`;
  }
}

export async function restock(tx: Tx, lines: readonly StockLine[]): Promise<void> {
  for (const l of lines) await tx`update inventory set on_hand = on_hand + ${l.quantity}, updated_at = now() where product_id = ${l.product_id}`;
}
