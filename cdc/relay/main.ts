import { config } from '../../config/index.ts';
import { refuseUnsafeStart } from '../../config/refuse-unsafe-start.ts';
import { runWorker } from '../run-worker.ts';
import { startRelay } from './relay.ts';
import { relaySettings } from './settings.ts';

// npm run cdc:relay — Postgres WAL (pgoutput) → Kafka.
refuseUnsafeStart(config, 'cdc-relay', ['POSTGRES_PASSWORD']);
await runWorker('cdc-relay', (log) => startRelay(relaySettings(config), log));
