import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import type { Tx } from '../db/types.ts';
import { DomainError } from '../errors/domain-error.ts';
import { releaseReservation, restock, sellReservation, type StockLine } from '../inventory/stock.ts';
import { refundCaptured } from '../payment/ledger.ts';
import type { PaymentProvider } from '../payment/provider.ts';
import { hideUnentitledReviews } from '../reviews/visibility.ts';
import { planTransition, type Actor, type Effect } from './state-machine.ts';

// Carries out one planned transition inside the caller's transaction. The caller has locked
// the order row (select … for update) and passes its current status.
export type LockedOrder = { id: string; status: OrderStatus };

export async function orderLines(tx: Tx, orderId: string): Promise<StockLine[]> {
  return tx<StockLine[]>`select product_id, quantity from order_items where order_id = ${orderId} order by product_id`;
}

export async function recordEvent(tx: Tx, orderId: string, status: OrderStatus, reason: string | null): Promise<void> {
  await tx`insert into order_events (order_id, status, reason) values (${orderId}, ${status}, ${reason})`;
}

async function applyEffect(tx: Tx, provider: PaymentProvider, order: LockedOrder, effect: Effect, lines: StockLine[]): Promise<void> {
  if (effect === 'release_reservation') return releaseReservation(tx, lines);
  if (effect === 'sell_reservation') return sellReservation(tx, lines);
  if (effect === 'restock') return restock(tx, lines);
  await refundCaptured(tx, provider, order.id);
}

export async function transitionOrder(
  tx: Tx,
  provider: PaymentProvider,
  order: LockedOrder,
  to: OrderStatus,
  actor: Actor,
  reason: string | null,
): Promise<OrderStatus> {
  const plan = planTransition(order.status, to, actor);
  if (!plan.ok) {
    const detail = `order is ${order.status}; cannot move to ${to}${plan.allowed.length ? ` (allowed: ${plan.allowed.join(', ')})` : ''}`;
    throw new DomainError('illegal-transition', detail, { current_status: order.status, allowed: plan.allowed });
  }
  const lines = plan.effects.some((e) => e !== 'refund') ? await orderLines(tx, order.id) : [];
  for (const effect of plan.effects) await applyEffect(tx, provider, order, effect, lines);
  const final = plan.followedBy ?? to;
  const events = [
    { order_id: order.id, status: to, reason },
    ...(plan.followedBy ? [{ order_id: order.id, status: plan.followedBy, reason: 'refund issued' }] : []),
  ];
  await tx`
    with history as (insert into order_events ${tx(events)})
    update orders set status = ${final}, updated_at = now() where id = ${order.id}`;
  // A refund undoes a purchase, and with it the right to the reviews it gave.
  if (plan.effects.includes('refund')) await hideUnentitledReviews(tx, order.id);
  return final;
}
