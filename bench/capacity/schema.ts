import { z } from 'zod';
import { BenchResultSchema } from '../results.ts';

// The two committed inputs of the capacity plan: docs/capacity-assumptions.json (what we
// assume about the load and the hardware, each with why) and docs/capacity-inputs.json (the
// benches' figures the plan was last made from, each bench with where its figures came from).
const AssumptionSchema = z.object({ value: z.number().nonnegative(), unit: z.string(), why: z.string().min(1) });

const ASSUMPTION_NAMES = [
  'daily_users',
  'searches_per_user_day',
  'suggests_per_user_day',
  'product_views_per_user_day',
  'cart_writes_per_user_day',
  'cart_reads_per_user_day',
  'orders_per_s',
  'lines_per_order',
  'order_status_reads_per_order',
  'read_peak_factor',
  'order_peak_factor',
  'search_hit_rate',
  'suggest_hit_rate',
  'product_hit_rate',
  'edge_miss_cpu_factor',
  'es_get_cost_vs_search',
  'read_cost_vs_write',
  'target_utilisation',
  'catalog_products',
  'es_bytes_per_product',
  'es_shard_target_gb',
  'es_node_cores',
  'es_min_nodes',
  'postgres_primary_cores',
  'redis_ops_per_s_per_shard',
  'rate_limit_ops_per_write',
  'stock_reads_per_product_view',
  'kafka_replication_factor',
  'kafka_broker_events_per_s',
  'kafka_min_partitions',
] as const;
export type AssumptionName = (typeof ASSUMPTION_NAMES)[number];

export const AssumptionsSchema = z.object(
  Object.fromEntries(ASSUMPTION_NAMES.map((n) => [n, AssumptionSchema])) as Record<AssumptionName, typeof AssumptionSchema>,
);
export type Assumptions = z.infer<typeof AssumptionsSchema>;

export const BENCHES = ['checkout', 'cdc', 'edge'] as const;
export type BenchName = (typeof BENCHES)[number];

const MeasuredSchema = BenchResultSchema.extend({ source: z.string().min(1) });
export const InputsSchema = z.object(Object.fromEntries(BENCHES.map((b) => [b, MeasuredSchema])) as Record<BenchName, typeof MeasuredSchema>);
export type Inputs = z.infer<typeof InputsSchema>;
