import { config } from '../../config/index.ts';
import { refuseUnsafeStart } from '../../config/refuse-unsafe-start.ts';
import { runWorker } from '../run-worker.ts';
import { startIndexer } from './indexer.ts';
import { indexerSettings } from './settings.ts';

// npm run cdc:indexer — Kafka change events → Elasticsearch read model + cache invalidation.
refuseUnsafeStart(config, 'cdc-indexer', ['POSTGRES_PASSWORD', 'UPSTASH_REDIS_REST_TOKEN']);
await runWorker('cdc-indexer', (log) => startIndexer(indexerSettings(config), log));
