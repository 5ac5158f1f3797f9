import { config } from '../../config/index.ts';
import { runWorker } from '../run-worker.ts';
import { startRelay } from './relay.ts';
import { relaySettings } from './settings.ts';

// npm run cdc:relay — Postgres WAL (pgoutput) → Kafka.
await runWorker('cdc-relay', (log) => startRelay(relaySettings(config), log));
