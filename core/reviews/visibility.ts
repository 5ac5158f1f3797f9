import type { Tx } from '../db/types.ts';
import { PURCHASED_STATUSES } from '../orders/state-machine.ts';

// A review stands on a purchase. When an order is cancelled or refunded, the buyer's reviews of
// its products are hidden unless another purchase of the product still entitles them. Runs in
// the transaction that moves the order (after its new status is written), so the read model's
// change event for the review commits with the order's.
export async function hideUnentitledReviews(tx: Tx, orderId: string): Promise<number> {
  const hidden = await tx`
    update reviews r set hidden_at = now()
    from orders o join order_items i on i.order_id = o.id
    where o.id = ${orderId} and r.user_id = o.user_id and r.product_id = i.product_id and r.hidden_at is null
      and not exists (
        select 1 from orders other join order_items oi on oi.order_id = other.id
        where other.user_id = r.user_id and oi.product_id = r.product_id and other.status = any(${PURCHASED_STATUSES as string[]})
      )
    returning r.id`;
  return hidden.length;
}
