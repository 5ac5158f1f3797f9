import type { Sql, Tx } from '../db/types.ts';
import type { Authorization, PaymentProvider } from './provider.ts';

// The payment module's ledger: one row per authorisation attempt, naming the provider and its
// reference. A row moves to captured (or voided, refunded) in the same transaction as the order
// it pays for, so ledger and order agree; the unique index payments_captured_once (migration 013)
// is the last defence against a second capture of one order.
export type Attempt = { id: string; providerRef: string };

const statusOf: Record<Authorization['outcome'], string> = { authorized: 'authorised', declined: 'declined', timeout: 'timed_out' };

export async function recordAttempt(
  sql: Sql,
  a: { orderId: string; provider: string; token: string; amount: number; currency: string; auth: Authorization },
): Promise<Attempt> {
  const reason = a.auth.outcome === 'declined' ? a.auth.reason : null;
  const [row] = await sql<{ id: string }[]>`
    insert into payments (order_id, provider, provider_ref, token, status, decline_reason, amount, currency)
    values (${a.orderId}, ${a.provider}, ${a.auth.providerRef}, ${a.token}, ${statusOf[a.auth.outcome]}, ${reason}, ${a.amount}, ${a.currency})
    returning id`;
  return { id: row!.id, providerRef: a.auth.providerRef };
}

/** Called after the order is locked and found payable; the provider captures last, just before commit. */
export async function captureAttempt(tx: Tx, provider: PaymentProvider, attempt: Attempt): Promise<void> {
  const done = await tx`update payments set status = 'captured', updated_at = now() where id = ${attempt.id} and status = 'authorised' returning id`;
  if (!done.length) throw new Error(`payment ${attempt.id} is not capturable`);
  await provider.capture(attempt.providerRef);
}

export async function voidAttempt(tx: Tx, provider: PaymentProvider, attempt: Attempt): Promise<void> {
  await tx`update payments set status = 'voided', updated_at = now() where id = ${attempt.id} and status = 'authorised'`;
  await provider.void(attempt.providerRef);
}

/** Refunds the order's captured payment, if any, through the provider that captured it. */
export async function refundCaptured(tx: Tx, provider: PaymentProvider, orderId: string): Promise<void> {
  const [row] = await tx<{ id: string; provider: string; provider_ref: string; amount: number }[]>`
    select id, provider, provider_ref, amount from payments where order_id = ${orderId} and status = 'captured' for update`;
  if (!row) return;
  if (row.provider !== provider.name) throw new Error(`payment ${row.id} was captured by ${row.provider}, not ${provider.name}: refund it there`);
  await tx`update payments set status = 'refunded', updated_at = now() where id = ${row.id}`;
  await provider.refund(row.provider_ref, row.amount);
}
