import { config } from '../../config/index.ts';
import { createLogger, errorFields } from '../log.ts';
import { startIndexer } from './indexer.ts';
import { indexerSettings } from './settings.ts';

// npm run cdc:indexer — Kafka change events → Elasticsearch read model + cache invalidation.
const log = createLogger(config.LOG_LEVEL, { service: 'cdc-indexer' });
const indexer = await startIndexer(indexerSettings(config), log).catch((e) => {
  log.error('indexer failed to start', errorFields(e));
  process.exit(1);
});

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  indexer.stop().then(
    () => process.exit(0),
    (e) => {
      log.error('shutdown failed', errorFields(e));
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
