import { describe, expect, it } from 'vitest';
import { figure, fmt, loadOf, planCapacity, type TierId } from './plan.ts';
import type { Assumptions, Inputs } from './schema.ts';

const values: Record<keyof Assumptions, number> = {
  daily_users: 100e6,
  searches_per_user_day: 5,
  suggests_per_user_day: 5,
  product_views_per_user_day: 10,
  cart_writes_per_user_day: 1,
  cart_reads_per_user_day: 2,
  orders_per_s: 10,
  lines_per_order: 1.5,
  order_status_reads_per_order: 10,
  read_peak_factor: 3,
  order_peak_factor: 10,
  search_hit_rate: 0.6,
  suggest_hit_rate: 0.8,
  product_hit_rate: 0.9,
  edge_miss_cpu_factor: 2,
  es_get_cost_vs_search: 0.1,
  read_cost_vs_write: 0.25,
  target_utilisation: 0.6,
  catalog_products: 50e6,
  es_bytes_per_product: 1258,
  es_shard_target_gb: 30,
  es_node_cores: 16,
  es_min_nodes: 3,
  postgres_primary_cores: 32,
  redis_ops_per_s_per_shard: 100_000,
  rate_limit_ops_per_write: 1,
  stock_reads_per_product_view: 1,
  kafka_replication_factor: 3,
  kafka_broker_events_per_s: 50_000,
  kafka_min_partitions: 6,
};
const assumptions = (over: Partial<typeof values> = {}) =>
  Object.fromEntries(Object.entries({ ...values, ...over }).map(([k, value]) => [k, { value, unit: 'u', why: 'test' }])) as Assumptions;

const bench = (name: string, figures: Record<string, number>) => ({
  bench: name,
  at: 'test',
  machine: { cores: 2, load: [] },
  running: [],
  source: 'test',
  figures: Object.fromEntries(Object.entries(figures).map(([k, value]) => [k, { value, unit: 'u' }])),
});
type CpuMs = { core?: number; postgres?: number; relay?: number; indexer?: number };
const inputs = (over: { cpuMs?: CpuMs; esPerS?: number } = {}): Inputs => ({
  checkout: bench('checkout', {
    core_http_paid_orders_per_s: 90,
    core_cpu_ms_per_paid_order: over.cpuMs?.core ?? 6,
    postgres_cpu_ms_per_paid_order: over.cpuMs?.postgres ?? 6.5,
    relay_cpu_ms_per_paid_order: over.cpuMs?.relay ?? 2,
    indexer_cpu_ms_per_paid_order: over.cpuMs?.indexer ?? 1.5,
  }),
  cdc: bench('cdc', { steady_writes_per_s: 500 }),
  edge: bench('edge', {
    cached_product_cpu_us: 68.5,
    cached_search_cpu_us: 93.6,
    uncached_search_es_req_per_s: over.esPerS ?? 32,
    uncached_search_es_p50_ms_1conn: 51,
    uncached_search_edge_p50_ms_1conn: 53,
  }),
});

type Case = { name: string; a?: Partial<typeof values>; i?: Parameters<typeof inputs>[0]; units: Partial<Record<TierId, number>>; first: TierId };
const cases: Case[] = [
  // ES: (17,361 × 0.4 + 17,361 × 0.2 + 34,722 × 0.1 × 0.1) / (16 req/s/core × 16 × 0.6) = 70.1 → 71;
  // relay: 100 orders/s × 10.5 events / (1000 / 2 ms × 9 events × 0.6) = 0.39 → 1; indexer: 0.29 → the floor of 2;
  // core: (3,672 writes + 7,244 reads × 0.25) / (1000 / 6 ms × 3 × 0.6) = 18.3 → 19;
  // primary: 5,408 / (1000 / 6.5 ms × 3 × 32 × 0.6) = 0.61 → 1, the most loaded tier that cannot scale out.
  {
    name: "the seed's load",
    units: { elasticsearch: 71, relay: 1, 'postgres-primary': 1, core: 19, kafka: 3, indexer: 2, redis: 3, workers: 13 },
    first: 'postgres-primary',
  },
  {
    name: 'a relay ten times costlier per order needs four slots and saturates first',
    i: { cpuMs: { relay: 20 } },
    units: { relay: 4, indexer: 2 },
    first: 'relay',
  },
  { name: 'searches cached at 90% need about half the search nodes', a: { search_hit_rate: 0.9 }, units: { elasticsearch: 37 }, first: 'postgres-primary' },
  {
    name: 'a small shop stays at the floors: 3 search nodes, 2 indexers, 2 cores, 3 brokers',
    a: { daily_users: 10_000, orders_per_s: 0.01 },
    units: { elasticsearch: 3, indexer: 2, core: 2, kafka: 3, relay: 1, 'postgres-primary': 1, 'postgres-replicas': 1, redis: 1 },
    first: 'relay',
  },
  {
    name: 'half the CPU per order in core and Postgres: about half the core processes, the relay now the most loaded',
    i: { cpuMs: { core: 3, postgres: 3.25 } },
    units: { core: 10, 'postgres-primary': 1 },
    first: 'relay',
  },
];

describe('planCapacity', () => {
  it.each(cases)('$name', ({ a, i, units, first }) => {
    const plan = planCapacity(assumptions(a), inputs(i));
    const got = Object.fromEntries(plan.tiers.filter((t) => t.id in units).map((t) => [t.id, t.units]));
    expect(got).toEqual(units);
    expect(plan.firstToSaturate.id).toBe(first);
  });

  it('sizes shards to the catalog and keeps at least one replica', () => {
    const es = (catalog: number) =>
      planCapacity(assumptions({ catalog_products: catalog, daily_users: 10_000 }), inputs()).tiers.find((t) => t.id === 'elasticsearch')!;
    expect(es(20_000).provision).toContain('1 primary shard (0.03 GB), 2 replicas');
    expect(es(100e6).provision).toContain('5 primary shards (126 GB), 1 replica each');
  });

  it('keeps every scaled-out tier under the target utilisation', () => {
    for (const t of planCapacity(assumptions(), inputs()).tiers.filter((t) => t.scalesOut)) expect(loadOf(t)).toBeLessThanOrEqual(1);
  });

  it('names a figure a bench did not record', () => {
    const missing = { ...inputs(), cdc: bench('cdc', {}) };
    expect(() => figure(missing, 'cdc', 'steady_writes_per_s')).toThrow('bench cdc has no figure steady_writes_per_s');
  });
});

describe('fmt', () => {
  it.each([
    [80_361.4, '80,361'],
    [153.6, '154'],
    [10, '10'],
    [10.5, '10.5'],
    [2.68, '2.68'],
    [0.094, '0.09'],
    [1_000_000, '1,000,000'],
  ])('%s → %s', (x, out) => expect(fmt(x)).toBe(out));
});
