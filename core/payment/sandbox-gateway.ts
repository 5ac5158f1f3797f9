import type { Sql, Tx } from '../db/types.ts';
import type { Authorisation, DeclineReason, PaymentGateway } from './gateway.ts';

// An in-process PSP stand-in keyed by test token. Its ledger is the payments table, so tests
// can check that an order was captured exactly once.
const declines: Record<string, DeclineReason> = { tok_decline: 'card_declined', tok_insufficient_funds: 'insufficient_funds' };

export type SandboxOptions = { latencyMs?: number; timeoutMs?: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function sandboxGateway(sql: Sql, opts: SandboxOptions = {}): PaymentGateway {
  return {
    async authorise({ orderId, amount, currency, token }): Promise<Authorisation> {
      if (opts.latencyMs) await sleep(opts.latencyMs);
      if (token === 'tok_timeout') await sleep(opts.timeoutMs ?? 50);
      const decline = token === 'tok_success' || token === 'tok_timeout' ? undefined : (declines[token] ?? 'unknown_token');
      const status = token === 'tok_timeout' ? 'timed_out' : decline ? 'declined' : 'authorised';
      const [row] = await sql<{ id: string }[]>`
        insert into payments (order_id, token, status, decline_reason, amount, currency)
        values (${orderId}, ${token}, ${status}, ${decline ?? null}, ${amount}, ${currency}) returning id`;
      const paymentId = row!.id;
      if (status === 'timed_out') return { outcome: 'timeout', paymentId };
      return decline ? { outcome: 'declined', paymentId, reason: decline } : { outcome: 'authorised', paymentId };
    },
    async capture(tx: Tx, paymentId: string) {
      const done = await tx`update payments set status = 'captured', updated_at = now() where id = ${paymentId} and status = 'authorised' returning id`;
      if (!done.length) throw new Error(`payment ${paymentId} is not capturable`);
    },
    async void(paymentId: string) {
      await sql`update payments set status = 'voided', updated_at = now() where id = ${paymentId} and status = 'authorised'`;
    },
    async refund(tx: Tx, orderId: string) {
      const rows = await tx<
        { amount: number }[]
      >`update payments set status = 'refunded', updated_at = now() where order_id = ${orderId} and status = 'captured' returning amount`;
      return rows[0]?.amount ?? 0;
    },
  };
}
