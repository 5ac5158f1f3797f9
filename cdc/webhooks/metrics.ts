import { Counter, Gauge, Histogram } from 'prom-client';
import { consumerMetrics } from '../consumer/metrics.ts';
import { LATENCY_BUCKETS, workerRegistry } from '../metrics/registry.ts';

// The consumer's metrics (cdc_webhooks_events_total, …) and the sender's own: attempts by
// outcome, how long an attempt took, and the deliveries waiting (read from Postgres when scraped).
export function webhookMetrics(queueDepth: () => Promise<{ due: number; scheduled: number }>) {
  const registry = workerRegistry();
  const consumer = consumerMetrics(registry, 'cdc_webhooks');
  const created = new Counter({
    name: 'cdc_webhooks_deliveries_created_total',
    help: 'Deliveries created (one per endpoint and event)',
    registers: [registry],
  });
  const attempts = new Counter({
    name: 'cdc_webhooks_attempts_total',
    help: 'Delivery attempts by outcome: delivered, retry (failed, tried again later), dead (failed, retries exhausted)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const attemptSeconds = new Histogram({
    name: 'cdc_webhooks_attempt_seconds',
    help: 'One attempt: the URL check and the POST until its answer, timeout or failure',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'cdc_webhooks_queue_depth',
    help: 'Pending deliveries: due now (state=due) and waiting for a retry (state=scheduled)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const depth = await queueDepth();
      this.set({ state: 'due' }, depth.due);
      this.set({ state: 'scheduled' }, depth.scheduled);
    },
  });
  return { registry, consumer, created, attempts, attemptSeconds };
}
export type WebhookMetrics = ReturnType<typeof webhookMetrics>;
