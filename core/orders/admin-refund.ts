import type { AdminOrder } from '../../openapi/schemas/admin-orders.ts';
import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import { recordAudit } from '../audit/record.ts';
import type { OperatorClaims } from '../auth/session.ts';
import type { Tx } from '../db/types.ts';
import { DomainError, notFound } from '../errors/domain-error.ts';
import type { PaymentProvider } from '../payment/provider.ts';
import { refundMove } from './admin-refund-plan.ts';
import { getAdminOrder } from './admin-queries.ts';
import { transitionOrder } from './transition.ts';

// An operator's refund, in the caller's transaction: the order's move, its effects (stock back
// for an order not yet shipped, the payment refunded through its provider) and the audit row
// commit together or not at all.
export async function refundOrder(tx: Tx, provider: PaymentProvider, operator: OperatorClaims, orderId: string, reason: string): Promise<AdminOrder> {
  const [order] = await tx<{ id: string; status: OrderStatus }[]>`select id, status from orders where id = ${orderId} for update`;
  if (!order) throw notFound('order');
  const move = refundMove(order.status);
  if (!move)
    throw new DomainError(
      'order-not-refundable',
      `order is ${order.status}; only a paid, packed, shipped, out-for-delivery or delivered order can be refunded`,
      { current_status: order.status },
    );
  const [payment] = await tx<{ amount: number }[]>`select amount from payments where order_id = ${orderId} and status = 'captured'`;
  const final = await transitionOrder(tx, provider, order, move, 'admin', reason);
  await recordAudit(tx, operator, {
    action: 'order.refund',
    entity: 'order',
    entityId: orderId,
    before: { status: order.status },
    after: { status: final, refunded_amount: payment?.amount ?? 0, restocked: move === 'cancelled' },
    reason,
  });
  return getAdminOrder(tx, orderId);
}
