import { Counter, Gauge, Histogram } from 'prom-client';
import { eventsPerSecondGauge, LATENCY_BUCKETS, workerRegistry } from '../metrics/registry.ts';

// Relay metrics; slot lag is sampled from pg_replication_slots on every scrape.
export function relayMetrics(slotLag: () => Promise<number | null>) {
  const registry = workerRegistry();
  const events = new Counter({
    name: 'cdc_relay_events_total',
    help: 'Change events acknowledged by Kafka',
    labelNames: ['table', 'op'],
    registers: [registry],
  });
  const countEvents = eventsPerSecondGauge(registry, 'cdc_relay_events_per_second', 'Change events acknowledged by Kafka');
  const transactions = new Counter({ name: 'cdc_relay_transactions_total', help: 'Transactions confirmed to Postgres', registers: [registry] });
  const commitToKafka = new Histogram({
    name: 'cdc_relay_commit_to_kafka_seconds',
    help: 'Postgres commit to Kafka acknowledgement',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const confirmedLsn = new Gauge({ name: 'cdc_relay_confirmed_lsn', help: 'Last LSN confirmed to Postgres (flush position)', registers: [registry] });
  const pending = new Gauge({ name: 'cdc_relay_pending_messages', help: 'Messages decoded but not yet acknowledged by Kafka', registers: [registry] });
  const sendErrors = new Counter({ name: 'cdc_relay_kafka_send_errors_total', help: 'Failed Kafka sends (retried)', registers: [registry] });
  const active = new Gauge({
    name: 'cdc_relay_active',
    help: '1 while this relay holds its slot lock and streams, 0 while it stands by',
    registers: [registry],
  });
  new Gauge({
    name: 'cdc_relay_slot_lag_bytes',
    help: 'WAL bytes between the current position and the slot confirmed flush LSN',
    registers: [registry],
    async collect() {
      const lag = await slotLag().catch(() => null);
      if (lag !== null) this.set(lag);
    },
  });
  return { registry, events, transactions, commitToKafka, confirmedLsn, pending, sendErrors, countEvents, active };
}
