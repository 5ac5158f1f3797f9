import type { Config } from '../../config/index.ts';
import type { LogLevel } from '../log.ts';

export type IndexerSettings = {
  databaseUrl: string;
  brokers: string;
  groupId: string;
  topicPrefix: string;
  indexPrefix: string;
  elasticsearchUrl: string;
  upstashUrl: string;
  upstashToken: string;
  /**
   * Load every product's stock from Postgres into Redis when the projection has none (see
   * seed-stock.ts). Tests with their own rows turn it off: their inventory events carry the stock.
   */
  seedStock: boolean;
  sessionTimeoutMs: number;
  /** How long a fetch waits at the broker to gather a batch (CDC_CONSUMER_BATCH_WAIT_MS). */
  batchWaitMs: number;
  /** null: no HTTP server (tests run workers in-process). */
  metricsPort: number | null;
  logLevel: LogLevel;
};

export function indexerSettings(cfg: Config, overrides: Partial<IndexerSettings> = {}): IndexerSettings {
  return {
    databaseUrl: cfg.databaseUrl,
    brokers: cfg.KAFKA_BROKERS,
    groupId: cfg.CDC_INDEXER_GROUP,
    topicPrefix: cfg.CDC_TOPIC_PREFIX,
    indexPrefix: cfg.SEARCH_INDEX_PREFIX,
    elasticsearchUrl: cfg.ELASTICSEARCH_URL,
    upstashUrl: cfg.UPSTASH_REDIS_REST_URL,
    upstashToken: cfg.UPSTASH_REDIS_REST_TOKEN,
    seedStock: true,
    sessionTimeoutMs: cfg.CDC_CONSUMER_SESSION_TIMEOUT_MS,
    batchWaitMs: cfg.CDC_CONSUMER_BATCH_WAIT_MS,
    metricsPort: cfg.INDEXER_METRICS_PORT,
    logLevel: cfg.LOG_LEVEL,
    ...overrides,
  };
}
