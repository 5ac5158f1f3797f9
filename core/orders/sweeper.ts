import type { Sql } from '../db/types.ts';
import { sumLinesByProduct } from '../checkout/pricing.ts';
import { releaseReservation } from '../inventory/stock.ts';
import { planTransition } from './state-machine.ts';

// Cancels unpaid orders past their deadline and releases their stock. SKIP LOCKED lets any
// number of sweepers (and concurrent payments) share the work without taking an order twice;
// stock rows are released once per batch in product-id order, the same order checkout locks them.
export const EXPIRY_REASON = 'payment deadline passed';

export async function sweepExpiredOrders(sql: Sql, batchSize = 200): Promise<string[]> {
  if (!planTransition('pending_payment', 'cancelled', 'system').ok) throw new Error('state machine forbids expiry');
  return sql.begin(async (tx) => {
    const due = await tx<{ id: string }[]>`
      select id from orders where status = 'pending_payment' and payment_due_at <= now()
      order by payment_due_at limit ${batchSize} for update skip locked`;
    if (!due.length) return [];
    const ids = due.map((r) => r.id);
    const lines = await tx<{ product_id: string; quantity: number }[]>`select product_id, quantity from order_items where order_id = any(${ids}::uuid[])`;
    await releaseReservation(tx, sumLinesByProduct(lines));
    await tx`update orders set status = 'cancelled', updated_at = now() where id = any(${ids}::uuid[])`;
    await tx`insert into order_events (order_id, status, reason) select unnest(${ids}::uuid[]), 'cancelled', ${EXPIRY_REASON}`;
    return ids;
  });
}

export function startSweeper(sql: Sql, intervalMs: number, onSwept: (ids: string[]) => void, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepExpiredOrders(sql).then((ids) => ids.length && onSwept(ids), onError);
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
