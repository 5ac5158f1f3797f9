import type { Sql } from '../db/types.ts';
import type { PaymentProvider } from '../payment/provider.ts';
import { transitionOrder } from './transition.ts';

// Cancels unpaid orders past their deadline through the same transition as every other move
// (transitionOrder), one order per transaction: an order's stock rows are then locked in
// product-id order, as checkout locks them, which a batch spanning several orders could not
// promise. SKIP LOCKED lets any number of sweepers (and concurrent payments) share the work
// without taking an order twice.
export const EXPIRY_REASON = 'payment deadline passed';

async function expireOne(sql: Sql, provider: PaymentProvider): Promise<string | null> {
  return sql.begin(async (tx) => {
    const [order] = await tx<{ id: string; status: 'pending_payment' }[]>`
      select id, status from orders where status = 'pending_payment' and payment_due_at <= now()
      order by payment_due_at limit 1 for update skip locked`;
    if (!order) return null;
    await transitionOrder(tx, provider, order, 'cancelled', 'system', EXPIRY_REASON);
    return order.id;
  });
}

/** Cancels up to `limit` expired orders; returns their ids. */
export async function sweepExpiredOrders(sql: Sql, provider: PaymentProvider, limit = 200): Promise<string[]> {
  const swept: string[] = [];
  while (swept.length < limit) {
    const id = await expireOne(sql, provider);
    if (!id) break;
    swept.push(id);
  }
  return swept;
}

export function startSweeper(
  sql: Sql,
  provider: PaymentProvider,
  intervalMs: number,
  onSwept: (ids: string[]) => void,
  onError: (err: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepExpiredOrders(sql, provider).then((ids) => ids.length && onSwept(ids), onError);
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
