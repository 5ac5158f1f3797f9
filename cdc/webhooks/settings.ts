import type { Config } from '../../config/index.ts';
import type { LogLevel } from '../log.ts';
import type { RetrySchedule } from './schedule.ts';

export type WebhookSettings = {
  databaseUrl: string;
  brokers: string;
  groupId: string;
  topicPrefix: string;
  /**
   * Where a group without committed offsets starts. Production: at the newest events, so a new
   * sender does not announce the topics' whole retention again; tests: their fresh topics' start.
   */
  fromBeginning: boolean;
  sessionTimeoutMs: number;
  /** How long a fetch waits at the broker to gather a batch (CDC_CONSUMER_BATCH_WAIT_MS). */
  batchWaitMs: number;
  retry: RetrySchedule;
  lowStockThreshold: number;
  /** Deliveries sent at once. */
  concurrency: number;
  /** One attempt's limit: past it the attempt failed. */
  requestTimeoutMs: number;
  /** The URL rule for production (https, public addresses only) applies. */
  production: boolean;
  /**
   * The endpoints this sender serves: null (production) every one; tests that share a database
   * with other suites pass the list of their own (read at every use, so it may grow).
   */
  onlyEndpoints: readonly string[] | null;
  /** null: no HTTP server (tests run workers in-process). */
  metricsPort: number | null;
  logLevel: LogLevel;
};

export function webhookSettings(cfg: Config, overrides: Partial<WebhookSettings> = {}): WebhookSettings {
  return {
    databaseUrl: cfg.databaseUrl,
    brokers: cfg.KAFKA_BROKERS,
    groupId: cfg.CDC_WEBHOOKS_GROUP ?? `${cfg.CDC_TOPIC_PREFIX}-webhooks`,
    topicPrefix: cfg.CDC_TOPIC_PREFIX,
    fromBeginning: false,
    sessionTimeoutMs: cfg.CDC_CONSUMER_SESSION_TIMEOUT_MS,
    batchWaitMs: cfg.CDC_CONSUMER_BATCH_WAIT_MS,
    retry: { baseMs: cfg.WEBHOOK_RETRY_BASE_MS, maxMs: cfg.WEBHOOK_RETRY_MAX_MS, maxAttempts: cfg.WEBHOOK_MAX_ATTEMPTS },
    lowStockThreshold: cfg.WEBHOOK_LOW_STOCK_THRESHOLD,
    concurrency: 16,
    requestTimeoutMs: 10_000,
    production: cfg.NODE_ENV === 'production',
    onlyEndpoints: null,
    metricsPort: cfg.WEBHOOK_METRICS_PORT,
    logLevel: cfg.LOG_LEVEL,
    ...overrides,
  };
}
