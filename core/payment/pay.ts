import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import type { PaymentBody, PaymentResponse } from '../../openapi/schemas/payment.ts';
import type { Sql, Tx } from '../db/types.ts';
import { DomainError, notFound } from '../errors/domain-error.ts';
import type { IdempotentStep } from '../idempotency/run-idempotent.ts';
import { EXPIRY_REASON } from '../orders/sweeper.ts';
import { transitionOrder } from '../orders/transition.ts';
import { captureAttempt, recordAttempt, voidAttempt, type Attempt } from './ledger.ts';
import type { PaymentProvider } from './provider.ts';

// Paying is an idempotent step in two phases. Before any transaction: check the order and
// authorise with the provider (slow, remote), recording the attempt in the ledger. Then, in the
// transaction the answer is recorded in, on the locked order: capture and mark it paid, or give
// the authorisation back (void) because the order was paid, cancelled or expired meanwhile.
type PayableOrder = { id: string; total_amount: number; currency: string };
type Authorized = { order: PayableOrder; attempt: Attempt };
type OrderRow = PayableOrder & { status: OrderStatus; expired: boolean };

const notPayable = (status: OrderStatus) => new DomainError('order-not-payable', `order is ${status}`, { current_status: status });
const deadlinePassed = () =>
  new DomainError('payment-deadline-passed', 'the reservation expired; the order is cancelled and its stock released', { current_status: 'cancelled' });

/** Whether the order was cancelled because its deadline passed (by a sweeper or an earlier payment). */
async function expiredByDeadline(sql: Sql, orderId: string): Promise<boolean> {
  const [last] = await sql<{ reason: string | null }[]>`select reason from order_events where order_id = ${orderId} order by id desc limit 1`;
  return last?.reason === EXPIRY_REASON;
}

async function expire(sql: Sql, provider: PaymentProvider, orderId: string): Promise<void> {
  await sql.begin(async (tx) => {
    const [o] = await tx<OrderRow[]>`select id, status from orders where id = ${orderId} for update`;
    if (o?.status === 'pending_payment') await transitionOrder(tx, provider, o, 'cancelled', 'system', EXPIRY_REASON);
  });
}

async function authorize(sql: Sql, provider: PaymentProvider, userId: string, body: PaymentBody): Promise<Authorized> {
  const [order] = await sql<OrderRow[]>`
    select id, status, total_amount, currency, payment_due_at <= now() as expired
    from orders where id = ${body.order_id} and user_id = ${userId}`;
  if (!order) throw notFound('order');
  if (order.status === 'cancelled' && (await expiredByDeadline(sql, order.id))) throw deadlinePassed();
  if (order.status !== 'pending_payment') throw notPayable(order.status);
  if (order.expired) {
    await expire(sql, provider, order.id);
    throw deadlinePassed();
  }
  const request = { amount: order.total_amount, currency: order.currency, token: body.payment_method };
  const auth = await provider.authorize({ ...request, reference: order.id });
  const attempt = await recordAttempt(sql, { orderId: order.id, provider: provider.name, ...request, auth });
  if (auth.outcome === 'declined') throw new DomainError('payment-declined', `the payment method was declined: ${auth.reason}`, { decline_code: auth.reason });
  if (auth.outcome === 'timeout') throw new DomainError('payment-gateway-timeout', 'nothing was captured; retrying is safe');
  return { order, attempt };
}

async function capture(tx: Tx, provider: PaymentProvider, { order, attempt }: Authorized): Promise<PaymentResponse | DomainError> {
  const [o] = await tx<OrderRow[]>`select id, status, payment_due_at <= now() as expired from orders where id = ${order.id} for update`;
  if (o!.status !== 'pending_payment' || o!.expired) {
    // Returned, not thrown: the void and an expiry's release of stock commit with the answer.
    if (o!.status === 'pending_payment') await transitionOrder(tx, provider, o!, 'cancelled', 'system', EXPIRY_REASON);
    await voidAttempt(tx, provider, attempt);
    return o!.status === 'pending_payment' ? deadlinePassed() : notPayable(o!.status);
  }
  await transitionOrder(tx, provider, o!, 'paid', 'system', 'payment captured');
  await captureAttempt(tx, provider, attempt);
  return { order_id: order.id, payment_id: attempt.id, status: 'paid', amount: { amount: order.total_amount, currency: 'INR' } };
}

export function payOrder(sql: Sql, provider: PaymentProvider, userId: string, body: PaymentBody): IdempotentStep<PaymentResponse, Authorized> {
  return { prepare: () => authorize(sql, provider, userId, body), commit: (tx, authorized) => capture(tx, provider, authorized) };
}
