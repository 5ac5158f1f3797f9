import type { Assumptions, BenchName, Inputs } from './schema.ts';

// The capacity plan as a pure function: assumptions about the load and the figures the benches
// measured → requests per second per tier at peak, what one unit of each tier carries at the
// target utilisation, and how many units each tier needs.

/** Requests core answers per paid order in bench:checkout: add to cart, checkout, pay. */
const WRITES_PER_BENCH_ORDER = 3;
/** Events the relay carries per order: checkout writes orders, order_events and per line order_items and inventory; payment writes payments twice, order_events, orders and per line inventory. */
const eventsPerOrder = (lines: number) => 6 + 3 * lines;
const SECONDS_PER_DAY = 86_400;

export type Stream = { name: string; perDay: number; peakPerS: number };
export type TierId = 'workers' | 'redis' | 'elasticsearch' | 'kafka' | 'relay' | 'indexer' | 'core' | 'postgres-primary' | 'postgres-replicas';
export type Tier = {
  id: TierId;
  tier: string;
  /** Peak demand, in `unit`. */
  demand: number;
  unit: string;
  /** What one unit carries at the target utilisation. */
  perUnit: number;
  units: number;
  provision: string;
  /** False where one unit cannot be split without a design change (a single primary, a single slot's relay). */
  scalesOut: boolean;
};
export type Plan = {
  streams: Stream[];
  tiers: Tier[];
  firstToSaturate: Tier;
  latency: { uncachedSearchEdgeMs: number; uncachedSearchEsMs: number };
  /** Elasticsearch CPU for an uncached search over edge CPU for a cached one. */
  uncachedVsCachedSearchCpu: number;
};

export function figure(inputs: Inputs, bench: BenchName, name: string): number {
  const f = inputs[bench].figures[name];
  if (!f) throw new Error(`capacity: bench ${bench} has no figure ${name}`);
  return f.value;
}

const up = (x: number) => Math.ceil(x - 1e-9);

/** CPU milliseconds one paid order cost a process in bench:checkout (core's HTTP API, CDC on). */
const cpuMsPerOrder = (inputs: Inputs, process: 'core' | 'postgres' | 'relay' | 'indexer') => figure(inputs, 'checkout', `${process}_cpu_ms_per_paid_order`);

export function planCapacity(a: Assumptions, inputs: Inputs): Plan {
  const v = (n: keyof Assumptions) => a[n].value;
  const util = v('target_utilisation');
  const perUserPeak = (perUserDay: number) => ((v('daily_users') * perUserDay) / SECONDS_PER_DAY) * v('read_peak_factor');
  const stream = (name: string, perDay: number, peakPerS: number): Stream => ({ name, perDay, peakPerS });
  const userStream = (name: string, n: keyof Assumptions) => stream(name, v('daily_users') * v(n), perUserPeak(v(n)));
  const search = userStream('searches', 'searches_per_user_day');
  const suggest = userStream('typeahead suggestions', 'suggests_per_user_day');
  const product = userStream('product views', 'product_views_per_user_day');
  const cartWrite = userStream('cart writes', 'cart_writes_per_user_day');
  const cartRead = userStream('cart reads', 'cart_reads_per_user_day');
  const orderPeak = v('orders_per_s') * v('order_peak_factor');
  const orderDay = v('orders_per_s') * SECONDS_PER_DAY;
  const checkoutPay = stream('checkouts + payments', 2 * orderDay, 2 * orderPeak);
  const statusRead = stream(
    'order status reads',
    orderDay * v('order_status_reads_per_order'),
    v('orders_per_s') * v('order_status_reads_per_order') * v('read_peak_factor'),
  );
  const streams = [search, suggest, product, cartWrite, cartRead, checkoutPay, statusRead];
  const edgePeak = streams.reduce((s, x) => s + x.peakPerS, 0);
  const edgeDay = streams.reduce((s, x) => s + x.perDay, 0);

  // Edge CPU: a hit costs what bench:edge measured; a miss also parses Elasticsearch's answer
  // and stores it; a forwarded request is counted like a cached product read.
  const productCpu = figure(inputs, 'edge', 'cached_product_cpu_us');
  const searchCpu = figure(inputs, 'edge', 'cached_search_cpu_us');
  const withMisses = (s: Stream, cpu: number, hit: number) => s.peakPerS * cpu * (hit + (1 - hit) * v('edge_miss_cpu_factor'));
  const edgeCpuUsPerS =
    withMisses(search, searchCpu, v('search_hit_rate')) +
    withMisses(suggest, searchCpu, v('suggest_hit_rate')) +
    withMisses(product, productCpu, v('product_hit_rate')) +
    (cartWrite.peakPerS + cartRead.peakPerS + checkoutPay.peakPerS + statusRead.peakPerS) * productCpu;
  const edgeCpuMs = edgeCpuUsPerS / edgePeak / 1000;
  const workers: Tier = {
    id: 'workers',
    tier: 'Edge (Workers)',
    demand: edgePeak,
    unit: 'req/s',
    perUnit: (util * 1e6) / (edgeCpuMs * 1000),
    units: up(edgeCpuUsPerS / 1e6 / util),
    provision: `${fmt(edgeDay / 1e6)} M requests/day, ${edgeCpuMs.toFixed(3)} CPU ms/request on average; as Node processes: the units column (one core each)`,
    scalesOut: true,
  };

  const readMisses = (s: Stream, hit: number) => s.peakPerS * (1 - hit);
  const writes = cartWrite.peakPerS + checkoutPay.peakPerS;
  const events = orderPeak * eventsPerOrder(v('lines_per_order'));
  const redisOps =
    search.peakPerS +
    suggest.peakPerS +
    product.peakPerS +
    readMisses(search, v('search_hit_rate')) +
    readMisses(suggest, v('suggest_hit_rate')) +
    readMisses(product, v('product_hit_rate')) +
    product.peakPerS * v('stock_reads_per_product_view') +
    writes * v('rate_limit_ops_per_write') +
    events;
  const redisPerShard = v('redis_ops_per_s_per_shard') * util;
  const redisShards = Math.max(1, up(redisOps / redisPerShard));
  const redis: Tier = {
    id: 'redis',
    tier: 'Redis (Upstash / Redis Cluster)',
    demand: redisOps,
    unit: 'ops/s',
    perUnit: redisPerShard,
    units: redisShards,
    provision: `${redisShards} shard${redisShards > 1 ? 's' : ''}, each with a replica in another zone; ≈ ${fmt(((redisOps / v('read_peak_factor')) * SECONDS_PER_DAY) / 1e6)} M commands/day`,
    scalesOut: true,
  };

  // Elasticsearch: bench:edge's uncached searches per second, per core of the machine it ran on.
  const esDemand =
    readMisses(search, v('search_hit_rate')) +
    readMisses(suggest, v('suggest_hit_rate')) +
    readMisses(product, v('product_hit_rate')) * v('es_get_cost_vs_search');
  const esPerCore = figure(inputs, 'edge', 'uncached_search_es_req_per_s') / inputs.edge.machine.cores;
  const esPerNode = esPerCore * v('es_node_cores') * util;
  const indexGb = (v('catalog_products') * v('es_bytes_per_product')) / 1e9;
  const primaries = Math.max(1, up(indexGb / v('es_shard_target_gb')));
  const esNodes = Math.max(v('es_min_nodes'), up(esDemand / esPerNode));
  const replicas = Math.max(1, up(esNodes / primaries) - 1);
  const elasticsearch: Tier = {
    id: 'elasticsearch',
    tier: 'Elasticsearch',
    demand: esDemand,
    unit: 'uncached searches/s',
    perUnit: esPerNode,
    units: esNodes,
    provision: `${esNodes} nodes × ${v('es_node_cores')} cores over ≥ 2 zones; ${primaries} primary shard${primaries > 1 ? 's' : ''} (${fmt(indexGb)} GB), ${replicas} replica${replicas > 1 ? 's' : ''} each (search-throughput bound: more copies, not more shards), ${fmt((indexGb * (1 + replicas)) / esNodes)} GB per node`,
    scalesOut: true,
  };

  // CDC: bench:checkout's CPU per paid order of the relay and the indexer (one core each: Node runs
  // their work on one thread), over the events one of its orders makes (one line each).
  const benchEvents = eventsPerOrder(1);
  const relayRate = (1000 / cpuMsPerOrder(inputs, 'relay')) * benchEvents * util;
  const indexerRate = (1000 / cpuMsPerOrder(inputs, 'indexer')) * benchEvents * util;
  const indexers = Math.max(2, up(events / indexerRate));
  const partitions = Math.max(v('kafka_min_partitions'), indexers);
  const rf = v('kafka_replication_factor');
  const brokers = Math.max(rf, up((events * rf) / (v('kafka_broker_events_per_s') * util)));
  const kafka: Tier = {
    id: 'kafka',
    tier: 'Kafka',
    demand: events,
    unit: 'events/s',
    perUnit: (v('kafka_broker_events_per_s') * util) / rf,
    units: brokers,
    provision: `${brokers} brokers over 3 zones, replication factor ${rf}; ${partitions} partitions per topic (≥ one per indexer); ${eventsPerOrder(v('lines_per_order'))} events per order`,
    scalesOut: true,
  };
  const relay: Tier = {
    id: 'relay',
    tier: 'CDC relay',
    demand: events,
    unit: 'events/s',
    perUnit: relayRate,
    units: up(events / relayRate),
    provision: `1 active per replication slot + 1 standby${events > relayRate ? `; ${up(events / relayRate)} slots' worth needed` : ''}`,
    scalesOut: false,
  };
  const indexer: Tier = {
    id: 'indexer',
    tier: 'CDC indexer',
    demand: events,
    unit: 'events/s',
    perUnit: indexerRate,
    units: indexers,
    provision: `${indexers} consumers in one group (≥ 2, one per zone)`,
    scalesOut: true,
  };

  // Core and Postgres: bench:checkout's CPU per paid order of core and of Postgres (with its
  // backends), each order WRITES_PER_BENCH_ORDER write requests.
  const writesPerCore = (1000 / cpuMsPerOrder(inputs, 'core')) * WRITES_PER_BENCH_ORDER;
  const postgresWritesPerCore = (1000 / cpuMsPerOrder(inputs, 'postgres')) * WRITES_PER_BENCH_ORDER;
  const readCost = v('read_cost_vs_write');
  const coreDemand = writes + (cartRead.peakPerS + statusRead.peakPerS) * readCost;
  const coreProcesses = Math.max(2, up(coreDemand / (writesPerCore * util)));
  const core: Tier = {
    id: 'core',
    tier: 'Core (Node)',
    demand: coreDemand,
    unit: 'write-equivalent req/s',
    perUnit: writesPerCore * util,
    units: coreProcesses,
    provision: `${coreProcesses} processes, one core each, behind the edge's failover list`,
    scalesOut: true,
  };
  const perPrimary = postgresWritesPerCore * v('postgres_primary_cores') * util;
  // Cart reads stay on the primary: a shopper must see the line they just added.
  const primaryDemand = writes + cartRead.peakPerS * readCost;
  const primary: Tier = {
    id: 'postgres-primary',
    tier: 'Postgres primary',
    demand: primaryDemand,
    unit: 'write-equivalent req/s',
    perUnit: perPrimary,
    units: up(primaryDemand / perPrimary),
    provision: `${v('postgres_primary_cores')} cores + 1 synchronous standby in another zone${primaryDemand > perPrimary ? `; ${up(primaryDemand / perPrimary)} primaries' worth of writes` : ''}`,
    scalesOut: false,
  };
  const replicaDemand = statusRead.peakPerS * readCost;
  const replicaCount = Math.max(1, up(replicaDemand / perPrimary));
  const postgresReplicas: Tier = {
    id: 'postgres-replicas',
    tier: 'Postgres read replicas',
    demand: replicaDemand,
    unit: 'write-equivalent req/s',
    perUnit: perPrimary,
    units: replicaCount,
    provision: `${replicaCount} × ${v('postgres_primary_cores')} cores for order status and order lists`,
    scalesOut: true,
  };

  const tiers = [workers, redis, elasticsearch, kafka, relay, indexer, core, primary, postgresReplicas];
  const single = tiers.filter((t) => !t.scalesOut);
  const firstToSaturate = single.reduce((worst, t) => (t.demand / t.perUnit > worst.demand / worst.perUnit ? t : worst));
  return {
    streams,
    tiers,
    firstToSaturate,
    uncachedVsCachedSearchCpu: 1e6 / esPerCore / searchCpu,
    latency: {
      uncachedSearchEdgeMs: figure(inputs, 'edge', 'uncached_search_edge_p50_ms_1conn'),
      uncachedSearchEsMs: figure(inputs, 'edge', 'uncached_search_es_p50_ms_1conn'),
    },
  };
}

/** Load of a tier at peak: demand over what its units carry at the target utilisation (above 1: over the target); one unit for a tier that does not scale out. */
export function loadOf(t: Tier): number {
  return t.demand / (t.perUnit * (t.scalesOut ? t.units : 1));
}

/** Three significant figures at most, thousands grouped, no trailing zeros. */
export function fmt(x: number): string {
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  const [int, frac] = x.toFixed(digits).split('.');
  const kept = frac?.replace(/0+$/, '');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${kept ? `.${kept}` : ''}`;
}
