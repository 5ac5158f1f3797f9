import type { Config } from '../../config/index.ts';
import type { LogLevel } from '../log.ts';

export type RelaySettings = {
  databaseUrl: string;
  db: string;
  slot: string;
  publication: string;
  topicPrefix: string;
  brokers: string;
  /** null: no HTTP server (tests run several relays in one process). */
  metricsPort: number | null;
  logLevel: LogLevel;
  /** Above this many unconfirmed messages the relay stops reading WAL until Kafka catches up. */
  maxPendingMessages: number;
  /** How long committed transactions gather before one send to Kafka (CDC_RELAY_LINGER_MS). */
  lingerMs: number;
  /** Emit the existing rows (op "r") when the slot is first created. */
  initialSnapshot: boolean;
};

export function relaySettings(cfg: Config, overrides: Partial<RelaySettings> = {}): RelaySettings {
  return {
    databaseUrl: cfg.databaseUrl,
    db: cfg.POSTGRES_DB,
    slot: cfg.CDC_SLOT,
    publication: cfg.CDC_PUBLICATION,
    topicPrefix: cfg.CDC_TOPIC_PREFIX,
    brokers: cfg.KAFKA_BROKERS,
    metricsPort: cfg.RELAY_METRICS_PORT,
    logLevel: cfg.LOG_LEVEL,
    maxPendingMessages: 20_000,
    lingerMs: cfg.CDC_RELAY_LINGER_MS,
    initialSnapshot: true,
    ...overrides,
  };
}
