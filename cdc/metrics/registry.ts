import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { rateWindow } from './rate.ts';

// What every cdc worker's /metrics has in common: the process metrics, one latency bucket
// set, and the events-per-second gauge.

export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const RATE_WINDOW_MS = 10_000;

export function workerRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** `<name>` gauge of events per second over the last 10 s; call the result with each count. */
export function eventsPerSecondGauge(registry: Registry, name: string, help: string): (n: number) => void {
  const window = rateWindow(RATE_WINDOW_MS);
  new Gauge({
    name,
    help: `${help} per second over the last 10 s`,
    registers: [registry],
    collect() {
      this.set(window.perSecond());
    },
  });
  return (n) => window.add(n);
}
