import { z } from 'zod';
import { DEV_JWT_PRIVATE_KEY, DEV_JWT_PUBLIC_KEYS } from './dev-keys.ts';

// The whole environment surface of the project, with local defaults matching DESIGN.md.
// Pure (no Node APIs) so the edge can parse its Worker bindings with the same schema.
const port = z.coerce.number().int().min(1).max(65535);
const url = z.string().url();

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),

  POSTGRES_HOST: z.string().default('127.0.0.1'),
  POSTGRES_PORT: port.default(54320),
  POSTGRES_USER: z.string().default('commerce'),
  POSTGRES_PASSWORD: z.string().default('commerce'),
  POSTGRES_DB: z.string().default('commerce'),
  POSTGRES_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),

  REDIS_HOST: z.string().default('127.0.0.1'),
  REDIS_PORT: port.default(63790),
  UPSTASH_REDIS_REST_URL: url.default('http://127.0.0.1:8079'),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(8).default('local-upstash-token'),
  // the write limits' counters live in a database of their own (on Upstash one database per URL;
  // locally Redis database 1 behind a second bridge), so a cache flush or eviction cannot reset them
  RATE_LIMIT_REDIS_REST_URL: url.default('http://127.0.0.1:8078'),
  RATE_LIMIT_REDIS_REST_TOKEN: z.string().min(8).default('local-ratelimit-token'),

  KAFKA_BROKERS: z.string().default('127.0.0.1:19092'),
  KAFKA_CONTROLLER_PORT: port.default(19093),
  KAFKA_HEAP: z.string().default('512m'),

  ELASTICSEARCH_URL: url.default('http://127.0.0.1:19200'),
  ELASTICSEARCH_HEAP_MIN: z.string().default('512m'),
  ELASTICSEARCH_HEAP_MAX: z.string().default('1g'),

  CORE_URL: url.default('http://127.0.0.1:8788'),
  // several cores behind the edge, comma-separated (the edge fails over between them); unset: CORE_URL alone
  CORE_URLS: z
    .string()
    .refine((v) => v.split(',').every((u) => url.safeParse(u.trim()).success), 'a comma-separated list of URLs')
    .optional(),
  EDGE_URL: url.default('http://127.0.0.1:8787'),
  EDGE_RUNTIME: z.enum(['workerd', 'node']).default('workerd'),

  // Ed25519 (EdDSA) tokens: core signs with JWT_PRIVATE_KEY (a private JWK with its `kid`); core and
  // the edge accept the keys of JWT_PUBLIC_KEYS (a JWKS: several kids during a rotation). The
  // defaults are the committed development pair, refused in production.
  JWT_PRIVATE_KEY: z.string().min(1).default(DEV_JWT_PRIVATE_KEY),
  JWT_PUBLIC_KEYS: z.string().min(1).default(DEV_JWT_PUBLIC_KEYS),
  // capped at an hour: a stolen token, or a demoted customer's, cannot outlive that
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(3600),
  CART_MAX_LINE_QUANTITY: z.coerce.number().int().min(1).max(1000).default(10),
  PAYMENT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  // which payment provider core authorises and captures with; core/payment/providers/index.ts names the known ones
  PAYMENT_PROVIDER: z.string().min(1).default('sandbox'),
  SWEEPER_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(1).default(24),
  IDEMPOTENCY_WAIT_MS: z.coerce.number().int().min(0).max(60000).default(5000),
  // an in-flight Idempotency-Key older than this belongs to a request that died with its process: a retry may claim it again; keep it above the longest step
  IDEMPOTENCY_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).default(30000),
  // in production the sandbox gateway (tok_success pays any order) is refused unless this is true
  PAYMENT_SANDBOX_ENABLED: z.union([z.boolean(), z.stringbool()]).default(false),
  // the credential the edge sends and core requires on every route but /health (required in production); a long random secret
  CORE_SERVICE_TOKEN: z.string().min(32).optional(),
  // stock hoarding: unpaid orders one user may hold at once, and units of one product in one order
  MAX_UNPAID_ORDERS_PER_USER: z.coerce.number().int().min(1).default(3),
  MAX_UNITS_PER_PRODUCT_PER_ORDER: z.coerce.number().int().min(1).default(10),
  PASSWORD_SCRYPT_COST: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1048576)
    .refine((n) => (n & (n - 1)) === 0, 'a power of two')
    // OWASP's Password Storage Cheat Sheet: N=2^17, r=8, p=1 (128 MiB per hash)
    .default(131072),
  // scrypt runs at most this many hashes at once, with this many waiting; beyond, sign-in is 503
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10000).default(16),
  // login and registration attempts per minute per account (email) and per client address
  SIGN_IN_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  SIGN_IN_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  // peers whose X-Forwarded-For core believes (the edge); anyone else is limited by its own address
  CORE_TRUSTED_PROXIES: z.string().default('127.0.0.1,::1,::ffff:127.0.0.1'),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),

  CDC_SLOT: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('commerce_cdc'),
  CDC_PUBLICATION: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .default('commerce_pub'),
  CDC_TOPIC_PREFIX: z.string().default('commerce'),
  CDC_INDEXER_GROUP: z.string().default('commerce-indexer'),
  // how long a consumer (indexer, webhook sender) may go silent before its group hands its partitions to another
  CDC_CONSUMER_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300_000).default(30_000),
  // how long a consumer's fetch waits at the broker to gather a batch: each batch costs Kafka a
  // fetch and an offset commit and the indexer its Redis round trips, so under load fewer, larger
  // batches cost less CPU per event, for at most this much added lag
  CDC_CONSUMER_BATCH_WAIT_MS: z.coerce.number().int().min(0).max(1000).default(200),
  // how long the relay lets committed transactions gather before one send to Kafka (each send is a
  // produce request the broker pays for), for at most this much added commit-to-Kafka lag
  CDC_RELAY_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(20),
  RELAY_METRICS_PORT: port.default(9464),
  INDEXER_METRICS_PORT: port.default(9465),
  // the webhook sender's consumer group; unset: `<CDC_TOPIC_PREFIX>-webhooks`
  CDC_WEBHOOKS_GROUP: z.string().min(1).optional(),
  WEBHOOK_METRICS_PORT: port.default(9466),
  // a failed delivery waits WEBHOOK_RETRY_BASE_MS · 2^(attempt-1), at most WEBHOOK_RETRY_MAX_MS (±25 % jitter); dead after WEBHOOK_MAX_ATTEMPTS
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(10_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).default(14_400_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  // product.low_stock fires when a product's available units (on hand − reserved) fall to this or below
  WEBHOOK_LOW_STOCK_THRESHOLD: z.coerce.number().int().min(1).default(5),
  SEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('commerce'),

  EDGE_CORE_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  EDGE_ES_TIMEOUT_MS: z.coerce.number().int().min(50).default(3000),
  EDGE_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).default(500),
  EDGE_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(65536),
  EDGE_RATE_LIMIT_IP_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  EDGE_RATE_LIMIT_USER_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  EDGE_RATE_LIMIT_IP_READS_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  // the namespace of the rate-limit buckets in Redis: the test suite and the benches use their own
  EDGE_RATE_LIMIT_PREFIX: z.string().min(1).default('ratelimit:edge'),
  EDGE_SEARCH_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(60),
  EDGE_PRODUCT_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(300),
  EDGE_CORS_ORIGINS: z.string().default('*'),
  EDGE_L1_CACHE_TTL_MS: z.coerce.number().int().min(0).default(1000),
  EDGE_L1_CACHE_MAX_BYTES: z.coerce.number().int().min(0).default(33_554_432),

  STACK_DIR: z.string().optional(),
  COMMERCE_CACHE_DIR: z.string().optional(),
  // relative to the repository root; the catalog ships with the clone
  CATALOG_CSV: z.string().default('core/catalog-import/data/flipkart-products.csv.gz'),
  CATALOG_SEED: z.coerce.number().int().default(42),
  STACK_ES_USER: z.string().default('elasticsearch'),
  STACK_PG_OS_USER: z.string().default('postgres'),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, unknown>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** The cores the edge forwards to: CORE_URLS, or CORE_URL alone. */
export const coreUrls = (env: Pick<Env, 'CORE_URL' | 'CORE_URLS'>): string[] => env.CORE_URLS?.split(',').map((u) => u.trim()) ?? [env.CORE_URL];

export function hostPort(address: string): { host: string; port: number } {
  const u = new URL(address.includes('://') ? address : `tcp://${address}`);
  return { host: u.hostname, port: Number(u.port) };
}
