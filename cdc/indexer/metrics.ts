import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LATENCY_BUCKETS } from '../relay/metrics.ts';

export function indexerMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let window: Array<[number, number]> = [];
  const events = new Counter({
    name: 'cdc_indexer_events_total',
    help: 'Change events applied to Elasticsearch',
    labelNames: ['table'],
    registers: [registry],
  });
  new Gauge({
    name: 'cdc_indexer_events_per_second',
    help: 'Change events applied per second over the last 10 s',
    registers: [registry],
    collect() {
      const since = Date.now() - 10_000;
      window = window.filter(([t]) => t >= since);
      this.set(window.reduce((s, [, n]) => s + n, 0) / 10);
    },
  });
  const commitToIndexed = new Histogram({
    name: 'cdc_indexer_commit_to_indexed_seconds',
    help: 'Postgres commit to Elasticsearch acknowledgement',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const consumerLag = new Gauge({
    name: 'cdc_indexer_consumer_lag',
    help: 'Messages behind the partition high watermark after the last batch',
    labelNames: ['topic', 'partition'],
    registers: [registry],
  });
  const documents = new Counter({
    name: 'cdc_indexer_documents_total',
    help: 'Document writes by outcome',
    labelNames: ['index', 'outcome'],
    registers: [registry],
  });
  const failures = new Counter({ name: 'cdc_indexer_batch_failures_total', help: 'Batches that failed and were retried', registers: [registry] });
  return { registry, events, commitToIndexed, consumerLag, documents, failures, countEvents: (n: number) => window.push([Date.now(), n]) };
}
export type IndexerMetrics = ReturnType<typeof indexerMetrics>;
