import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import type { PaymentBody, PaymentResponse } from '../../openapi/schemas/payment.ts';
import type { Sql, Tx } from '../db/types.ts';
import { isUniqueViolation } from '../db/types.ts';
import { fail, notFound } from '../http/problem-error.ts';
import { EXPIRY_REASON } from '../orders/sweeper.ts';
import { transitionOrder } from '../orders/transition.ts';
import type { PaymentGateway } from './gateway.ts';

// Authorise outside any transaction; then, in one transaction on the locked order, either
// capture and mark it paid or give up (and void). One captured payment per order, enforced by
// the state check here and by a unique index underneath.
type OrderRow = { id: string; status: OrderStatus; total_amount: number; currency: string; expired: boolean };

const notPayable = (status: OrderStatus): never => fail(409, 'order-not-payable', 'Order cannot be paid', `order is ${status}`, { current_status: status });
const deadlinePassed = (): never =>
  fail(409, 'payment-deadline-passed', 'Payment deadline passed', 'the reservation expired; the order is cancelled and its stock released', {
    current_status: 'cancelled',
  });

/** Whether the order was cancelled because its deadline passed (by a sweeper or an earlier payment). */
async function expiredByDeadline(sql: Sql, orderId: string): Promise<boolean> {
  const [last] = await sql<{ reason: string | null }[]>`select reason from order_events where order_id = ${orderId} order by id desc limit 1`;
  return last?.reason === EXPIRY_REASON;
}

async function expire(sql: Sql, gateway: PaymentGateway, orderId: string): Promise<void> {
  await sql.begin(async (tx) => {
    const [o] = await tx<OrderRow[]>`select id, status from orders where id = ${orderId} for update`;
    if (o?.status === 'pending_payment') await transitionOrder(tx, gateway, o, 'cancelled', 'system', EXPIRY_REASON);
  });
}

/** `onCommit` runs last inside the capturing transaction (the idempotency record of the answer). */
export async function payOrder(
  sql: Sql,
  gateway: PaymentGateway,
  userId: string,
  body: PaymentBody,
  onCommit?: (tx: Tx, answer: PaymentResponse) => Promise<void>,
): Promise<PaymentResponse> {
  const [order] = await sql<OrderRow[]>`
    select id, status, total_amount, currency, payment_due_at <= now() as expired
    from orders where id = ${body.order_id} and user_id = ${userId}`;
  if (!order) return notFound('order');
  if (order.status === 'cancelled' && (await expiredByDeadline(sql, order.id))) return deadlinePassed();
  if (order.status !== 'pending_payment') return notPayable(order.status);
  if (order.expired) {
    await expire(sql, gateway, order.id);
    return deadlinePassed();
  }

  const auth = await gateway.authorise({ orderId: order.id, amount: order.total_amount, currency: order.currency, token: body.payment_method });
  if (auth.outcome === 'declined')
    return fail(402, 'payment-declined', 'Payment declined', `the payment method was declined: ${auth.reason}`, { decline_code: auth.reason });
  if (auth.outcome === 'timeout') return fail(504, 'payment-gateway-timeout', 'Payment gateway timed out', 'nothing was captured; retrying is safe');

  const answer: PaymentResponse = { order_id: order.id, payment_id: auth.paymentId, status: 'paid', amount: { amount: order.total_amount, currency: 'INR' } };
  let outcome: { paid: true } | { paid: false; status: OrderStatus; expired: boolean };
  try {
    outcome = await sql.begin(async (tx) => {
      const [o] = await tx<OrderRow[]>`select id, status, payment_due_at <= now() as expired from orders where id = ${order.id} for update`;
      if (o!.status !== 'pending_payment') return { paid: false as const, status: o!.status, expired: false };
      if (o!.expired) {
        await transitionOrder(tx, gateway, o!, 'cancelled', 'system', EXPIRY_REASON);
        return { paid: false as const, status: 'cancelled' as const, expired: true };
      }
      await gateway.capture(tx, auth.paymentId);
      await transitionOrder(tx, gateway, o!, 'paid', 'system', 'payment captured');
      await onCommit?.(tx, answer);
      return { paid: true as const };
    });
  } catch (err) {
    if (!isUniqueViolation(err, 'payments_captured_once')) throw err;
    outcome = { paid: false, status: 'paid', expired: false };
  }
  if (!outcome.paid) {
    await gateway.void(auth.paymentId);
    return outcome.expired ? deadlinePassed() : notPayable(outcome.status);
  }
  return answer;
}
