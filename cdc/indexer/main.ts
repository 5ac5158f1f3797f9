import { config } from '../../config/index.ts';
import { runWorker } from '../run-worker.ts';
import { startIndexer } from './indexer.ts';
import { indexerSettings } from './settings.ts';

// npm run cdc:indexer — Kafka change events → Elasticsearch read model + cache invalidation.
await runWorker('cdc-indexer', (log) => startIndexer(indexerSettings(config), log));
