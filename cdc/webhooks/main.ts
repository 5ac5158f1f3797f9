import { config } from '../../config/index.ts';
import { refuseUnsafeStart } from '../../config/refuse-unsafe-start.ts';
import { runWorker } from '../run-worker.ts';
import { startWebhookSender } from './sender.ts';
import { webhookSettings } from './settings.ts';

// npm run cdc:webhooks — order and inventory change events → signed webhook deliveries.
refuseUnsafeStart(config, 'cdc-webhooks', ['POSTGRES_PASSWORD']);
await runWorker('cdc-webhooks', (log) => startWebhookSender(webhookSettings(config), log));
