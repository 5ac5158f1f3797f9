import type { OrderStatus } from '../../openapi/schemas/checkout.ts';

// The order lifecycle as data. Who may make each move, and what it does to stock and money;
// the I/O that carries out the effects lives in transition.ts.
export type Actor = 'customer' | 'admin' | 'system';
export type Effect = 'sell_reservation' | 'release_reservation' | 'restock' | 'refund';

type Move = { actors: readonly Actor[]; effects: readonly Effect[]; followedBy?: OrderStatus };

const moves: Record<OrderStatus, Partial<Record<OrderStatus, Move>>> = {
  pending_payment: {
    paid: { actors: ['system'], effects: ['sell_reservation'] },
    cancelled: { actors: ['customer', 'admin', 'system'], effects: ['release_reservation'] },
  },
  // Cancelling a paid order puts the goods back and returns the money; the refund is its own step.
  paid: {
    packed: { actors: ['admin'], effects: [] },
    cancelled: { actors: ['customer', 'admin'], effects: ['restock', 'refund'], followedBy: 'refunded' },
  },
  packed: {
    shipped: { actors: ['admin'], effects: [] },
    cancelled: { actors: ['admin'], effects: ['restock', 'refund'], followedBy: 'refunded' },
  },
  // Once the goods have left, a refund returns the money; returned goods are inspected before they are restocked.
  shipped: { out_for_delivery: { actors: ['admin'], effects: [] }, refunded: { actors: ['admin'], effects: ['refund'] } },
  out_for_delivery: { delivered: { actors: ['admin'], effects: [] }, refunded: { actors: ['admin'], effects: ['refund'] } },
  delivered: { refunded: { actors: ['admin'], effects: ['refund'] } },
  cancelled: {},
  refunded: {},
};

export type TransitionPlan =
  | { ok: true; effects: readonly Effect[]; followedBy?: OrderStatus }
  | { ok: false; reason: 'illegal' | 'forbidden'; allowed: OrderStatus[] };

export function planTransition(from: OrderStatus, to: OrderStatus, actor: Actor): TransitionPlan {
  const options = moves[from];
  const allowed = (Object.keys(options) as OrderStatus[]).filter((s) => options[s]?.actors.includes(actor));
  const move = options[to];
  if (!move) return { ok: false, reason: 'illegal', allowed };
  if (!move.actors.includes(actor)) return { ok: false, reason: 'forbidden', allowed };
  return move.followedBy ? { ok: true, effects: move.effects, followedBy: move.followedBy } : { ok: true, effects: move.effects };
}

/** Statuses in which the goods were bought (a review is allowed). */
export const PURCHASED_STATUSES: readonly OrderStatus[] = ['paid', 'packed', 'shipped', 'out_for_delivery', 'delivered'];
