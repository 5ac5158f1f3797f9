import { Counter } from 'prom-client';
import type { Sql } from '../db/types.ts';
import { coreMetrics } from '../http/metrics.ts';
import type { Logger } from '../log.ts';
import type { PaymentProvider } from '../payment/provider.ts';
import { clearFailure, setAside, type SetAside } from './expiry-failures.ts';
import { transitionOrder } from './transition.ts';

// Cancels unpaid orders past their deadline through the same transition as every other move
// (transitionOrder), one order per transaction: an order's stock rows are then locked in
// product-id order, as checkout locks them, which a batch spanning several orders could not
// promise. SKIP LOCKED lets any number of sweepers (and concurrent payments) share the work
// without taking an order twice. An order whose expiry fails (a constraint its release
// violates) is set aside in the same transaction, logged and counted, and the sweep goes on.
export const EXPIRY_REASON = 'payment deadline passed';

const expiredTotal = new Counter({ name: 'core_orders_expired_total', help: 'Unpaid orders cancelled by the sweeper', registers: [coreMetrics] });
const setAsideTotal = new Counter({
  name: 'core_order_expiry_failures_total',
  help: 'Expiries that failed and set their order aside for a later retry',
  registers: [coreMetrics],
});

export type SweepReport = { expired: string[]; setAside: SetAside[] };
type Outcome = { expired: string } | { setAside: SetAside };

async function expireOne(sql: Sql, provider: PaymentProvider): Promise<Outcome | null> {
  return sql.begin(async (tx) => {
    const [order] = await tx<{ id: string; status: 'pending_payment' }[]>`
      select o.id, o.status from orders o
      where o.status = 'pending_payment' and o.payment_due_at <= now()
        and not exists (select 1 from order_expiry_failures f where f.order_id = o.id and f.retry_at > now())
      order by o.payment_due_at limit 1 for update of o skip locked`;
    if (!order) return null;
    try {
      await tx.savepoint((sp) => transitionOrder(sp, provider, order, 'cancelled', 'system', EXPIRY_REASON));
    } catch (err) {
      return { setAside: await setAside(tx, order.id, (err as Error).message) };
    }
    await clearFailure(tx, order.id);
    return { expired: order.id };
  });
}

/** Cancels up to `limit` expired orders, setting aside those that fail. */
export async function sweepExpiredOrders(sql: Sql, provider: PaymentProvider, limit = 200): Promise<SweepReport> {
  const report: SweepReport = { expired: [], setAside: [] };
  while (report.expired.length + report.setAside.length < limit) {
    const outcome = await expireOne(sql, provider);
    if (!outcome) break;
    if ('expired' in outcome) report.expired.push(outcome.expired);
    else report.setAside.push(outcome.setAside);
  }
  expiredTotal.inc(report.expired.length);
  setAsideTotal.inc(report.setAside.length);
  return report;
}

function logReport(log: Logger, report: SweepReport): void {
  if (report.expired.length) log('info', 'expired orders cancelled', { count: report.expired.length, order_ids: report.expired });
  for (const failed of report.setAside) log('error', 'order expiry failed; set aside', failed);
}

/** Sweeps every `intervalMs`, one sweep at a time; the result stops it, waiting for a sweep under way. */
export function startSweeper(sql: Sql, provider: PaymentProvider, intervalMs: number, log: Logger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = sweepExpiredOrders(sql, provider)
      .then(
        (report) => logReport(log, report),
        (err: Error) => log('error', 'sweeper failed', { error: err.message }),
      )
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
