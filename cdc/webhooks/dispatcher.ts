import type { Sql } from 'postgres';
import { retry, sleep } from '../backoff.ts';
import { errorFields, type Logger } from '../log.ts';
import { claimDue, recordAttempt, type DueDelivery, type EndpointScope } from './deliveries.ts';
import type { WebhookMetrics } from './metrics.ts';
import { afterFailure, type RetrySchedule } from './schedule.ts';
import { attemptDelivery, type AttemptResult } from './send.ts';

// Sends due deliveries, at most `concurrency` at once. It looks for due ones when woken (the
// consumer created some, a send finished, core's redeliver notified webhook_due) and at least
// once a second. Each attempt is recorded (webhook_attempts) with the delivery's next state;
// a delivery whose retries ran out goes to the dead-letter topic before it is marked dead, so
// a crash in between sends it there again rather than not at all.

export type DeadLetter = (d: DueDelivery, last: AttemptResult) => Promise<void>;
export type Dispatcher = { wake(): void; stop(): Promise<void> };

const IDLE_POLL_MS = 1000;

export function startDispatcher(opts: {
  sql: Sql;
  log: Logger;
  metrics: WebhookMetrics;
  retry: RetrySchedule;
  concurrency: number;
  requestTimeoutMs: number;
  production: boolean;
  scope: EndpointScope;
  deadLetter: DeadLetter;
}): Dispatcher {
  const { sql, log, metrics } = opts;
  // a claim outlives its wait in the buffer (a round of sends ahead of it), its own attempt and the recording
  const leaseMs = opts.requestTimeoutMs * 3;
  const shutdown = new AbortController();
  const inflight = new Set<Promise<void>>();
  let stopping = false;
  let woken = false;
  let wakeLoop = () => {};
  const wake = () => {
    woken = true;
    wakeLoop();
  };

  async function deliver(d: DueDelivery): Promise<void> {
    const result = await attemptDelivery({
      url: d.url,
      secret: d.secret,
      event: d.payload,
      production: opts.production,
      timeoutMs: opts.requestTimeoutMs,
      shutdown: shutdown.signal,
    });
    // cut short by our own stop: not the receiver's failure; the lease ends and it is sent again
    if (shutdown.signal.aborted && !result.delivered) return;
    metrics.attemptSeconds.observe(result.durationMs / 1000);
    const next = result.delivered ? ({ kind: 'delivered' } as const) : afterFailure(d.attempts + 1, opts.retry, Math.random());
    if (next.kind === 'dead') {
      await retry(() => opts.deadLetter(d, result), {
        onError: (e, attempt) => log.warn('dead-letter publish failed; retrying', { delivery_id: d.id, attempt, ...errorFields(e) }),
        stopped: () => stopping,
      });
    }
    await recordAttempt(sql, d.id, result, next);
    metrics.attempts.inc({ outcome: next.kind });
    if (next.kind !== 'delivered') {
      log[next.kind === 'dead' ? 'warn' : 'info']('delivery attempt failed', {
        delivery_id: d.id,
        event_id: d.event_id,
        attempt: d.attempts + 1,
        error: result.error,
        next: next.kind === 'retry' ? `in ${next.delayMs} ms` : 'dead',
      });
    }
  }

  // Claimed deliveries wait here for a free slot, so a finished send starts the next without a
  // round trip to Postgres; one claim fills the buffer for the next `concurrency` sends.
  const claimed: DueDelivery[] = [];
  const pump = () => {
    while (inflight.size < opts.concurrency && claimed.length > 0) {
      const d = claimed.shift()!;
      const p: Promise<void> = deliver(d)
        .catch((e) => log.error('delivery failed to record; it is due again when its claim ends', { delivery_id: d.id, ...errorFields(e) }))
        .finally(() => {
          inflight.delete(p);
          pump();
          if (claimed.length < opts.concurrency) wake();
        });
      inflight.add(p);
    }
  };

  const loop = (async () => {
    while (!stopping) {
      woken = false;
      const room = 2 * opts.concurrency - inflight.size - claimed.length;
      let got = 0;
      if (claimed.length < opts.concurrency) {
        try {
          const due = await claimDue(sql, room, leaseMs, opts.scope);
          got = due.length;
          claimed.push(...due);
          pump();
        } catch (e) {
          log.warn('claiming due deliveries failed', errorFields(e));
        }
      }
      // a full claim may have left more due: claim again as soon as the buffer runs low
      if (got === room && claimed.length < opts.concurrency) continue;
      if (!woken && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_POLL_MS);
          wakeLoop = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeLoop = () => {};
      }
    }
  })();

  return {
    wake,
    async stop() {
      stopping = true;
      wake();
      await loop;
      // claimed but not started: their claims end and they are due again (here or in another sender)
      claimed.length = 0;
      // sends in flight end within their own timeout; past it (and their recording), cut them
      const settled = Promise.all(inflight);
      const cut = await Promise.race([settled.then(() => false), sleep(opts.requestTimeoutMs + 2000).then(() => true)]);
      if (cut) {
        shutdown.abort();
        await Promise.race([settled, sleep(2000)]);
      }
    },
  };
}
