import { Counter } from 'prom-client';
import { consumerMetrics } from '../consumer/metrics.ts';
import { workerRegistry } from '../metrics/registry.ts';

// The consumer's metrics (cdc_indexer_events_total, …) and the indexer's own document outcomes.
export function indexerMetrics() {
  const registry = workerRegistry();
  const consumer = consumerMetrics(registry, 'cdc_indexer');
  const documents = new Counter({
    name: 'cdc_indexer_documents_total',
    help: 'Document writes by outcome',
    labelNames: ['index', 'outcome'],
    registers: [registry],
  });
  return { registry, consumer, documents };
}
