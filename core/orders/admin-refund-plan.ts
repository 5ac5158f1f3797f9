import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import { planTransition } from './state-machine.ts';

// Which move of the state machine refunds an order in a given status: a direct refund where the
// goods have left, else a cancellation that the machine itself follows with the refund (putting
// the goods back). Derived from the machine, so a refund never takes a path it does not allow.
export function refundMove(from: OrderStatus): 'refunded' | 'cancelled' | null {
  if (planTransition(from, 'refunded', 'admin').ok) return 'refunded';
  const cancel = planTransition(from, 'cancelled', 'admin');
  return cancel.ok && cancel.followedBy === 'refunded' ? 'cancelled' : null;
}
