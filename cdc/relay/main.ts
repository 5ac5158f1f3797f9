import { config } from '../../config/index.ts';
import { createLogger, errorFields } from '../log.ts';
import { startRelay } from './relay.ts';
import { relaySettings } from './settings.ts';

// npm run cdc:relay — Postgres WAL (pgoutput) → Kafka.
const log = createLogger(config.LOG_LEVEL, { service: 'cdc-relay' });
const relay = await startRelay(relaySettings(config), log).catch((e) => {
  log.error('relay failed to start', errorFields(e));
  process.exit(1);
});

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  relay.stop().then(
    () => process.exit(0),
    (e) => {
      log.error('shutdown failed', errorFields(e));
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
