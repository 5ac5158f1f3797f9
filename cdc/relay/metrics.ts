import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Relay metrics; slot lag is sampled from pg_replication_slots on every scrape.
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function relayMetrics(slotLag: () => Promise<number | null>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const events = new Counter({
    name: 'cdc_relay_events_total',
    help: 'Change events acknowledged by Kafka',
    labelNames: ['table', 'op'],
    registers: [registry],
  });
  let window: Array<[number, number]> = [];
  const eventsPerSecond = new Gauge({
    name: 'cdc_relay_events_per_second',
    help: 'Change events acknowledged by Kafka per second over the last 10 s',
    registers: [registry],
    collect() {
      const since = Date.now() - 10_000;
      window = window.filter(([t]) => t >= since);
      this.set(window.reduce((s, [, n]) => s + n, 0) / 10);
    },
  });
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
  new Gauge({
    name: 'cdc_relay_slot_lag_bytes',
    help: 'WAL bytes between the current position and the slot confirmed flush LSN',
    registers: [registry],
    async collect() {
      const lag = await slotLag().catch(() => null);
      if (lag !== null) this.set(lag);
    },
  });
  void eventsPerSecond;
  return {
    registry,
    events,
    transactions,
    commitToKafka,
    confirmedLsn,
    pending,
    sendErrors,
    countEvents: (n: number) => window.push([Date.now(), n]),
  };
}
export type RelayMetrics = ReturnType<typeof relayMetrics>;
