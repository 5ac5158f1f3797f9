import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Envelope } from '../../openapi/internal/events.ts';
import { eventsPerSecondGauge, LATENCY_BUCKETS } from '../metrics/registry.ts';

// What every change-event consumer reports, named `<prefix>_…` (cdc_indexer_events_total, …).
export function consumerMetrics(registry: Registry, prefix: string) {
  const events = new Counter({ name: `${prefix}_events_total`, help: 'Change events handled', labelNames: ['table'], registers: [registry] });
  const countEvents = eventsPerSecondGauge(registry, `${prefix}_events_per_second`, 'Change events handled');
  const commitToHandled = new Histogram({
    name: `${prefix}_commit_to_handled_seconds`,
    help: 'Postgres commit to the handler finishing the event (snapshot reads excluded)',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const lag = new Gauge({
    name: `${prefix}_consumer_lag`,
    help: 'Messages behind the partition high watermark after the last batch',
    labelNames: ['topic', 'partition'],
    registers: [registry],
  });
  const failures = new Counter({ name: `${prefix}_batch_failures_total`, help: 'Batches that failed and were retried', registers: [registry] });
  const rejected = new Counter({
    name: `${prefix}_rejected_messages_total`,
    help: 'Messages skipped because they are not change events (empty, not JSON, not an envelope)',
    labelNames: ['topic', 'kind'],
    registers: [registry],
  });
  return {
    failures,
    rejected,
    handled(batch: { topic: string; partition: number; offsetLag: number }, done: readonly Envelope[], now: number) {
      for (const e of done) if (e.op !== 'r') commitToHandled.observe(Math.max(0, now - e.source.ts_us / 1000) / 1000);
      events.inc({ table: batch.topic.split('.').pop() ?? batch.topic }, done.length);
      countEvents(done.length);
      lag.set({ topic: batch.topic, partition: String(batch.partition) }, batch.offsetLag);
    },
  };
}
export type ConsumerMetrics = ReturnType<typeof consumerMetrics>;
