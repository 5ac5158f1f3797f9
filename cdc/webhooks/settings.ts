import type { Config } from '../../config/index.ts';
import type { LogLevel } from '../log.ts';
import type { RetrySchedule } from './schedule.ts';

export type WebhookSettings = {
  databaseUrl: string;
  brokers: string;
  groupId: string;
  topicPrefix: string;
  retry: RetrySchedule;
  lowStockThreshold: number;
  /** Deliveries sent at once. */
  concurrency: number;
  /** One attempt's limit: past it the attempt failed. */
  requestTimeoutMs: number;
  /** The URL rule for production (https, public addresses only) applies. */
  production: boolean;
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
    retry: { baseMs: cfg.WEBHOOK_RETRY_BASE_MS, maxMs: cfg.WEBHOOK_RETRY_MAX_MS, maxAttempts: cfg.WEBHOOK_MAX_ATTEMPTS },
    lowStockThreshold: cfg.WEBHOOK_LOW_STOCK_THRESHOLD,
    concurrency: 16,
    requestTimeoutMs: 10_000,
    production: cfg.NODE_ENV === 'production',
    metricsPort: cfg.WEBHOOK_METRICS_PORT,
    logLevel: cfg.LOG_LEVEL,
    ...overrides,
  };
}
