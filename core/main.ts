import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { config } from '../config/index.ts';
import { refuseUnsafeStart } from '../config/refuse-unsafe-start.ts';
import { createCoreApp } from './app.ts';
import { purgeSignInWindows } from './auth/sign-in-limits.ts';
import { tokenKeys } from './auth/tokens.ts';
import { ensureAdmin } from './auth/users.ts';
import { connect } from './db/connect.ts';
import { purgeExpiredKeys } from './idempotency/keys.ts';
import { jsonLogger } from './log.ts';
import { startSweeper } from './orders/sweeper.ts';
import { createPaymentProvider } from './payment/providers/index.ts';

// `npm run core`: serves core on CORE_URL's port (or --port, for benchmarks that run a second
// core beside the stack's), sweeps expired reservations, stops cleanly on SIGTERM.
refuseUnsafeStart(config, 'core', ['JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEYS', 'POSTGRES_PASSWORD', 'ADMIN_PASSWORD']);
// A malformed key, or a signing key the JWKS does not list, stops core here with the setting's name.
tokenKeys(config);
const args = parseArgs({ options: { port: { type: 'string' } } }).values;
const log = jsonLogger(config.LOG_LEVEL);
const sql = connect(config);
const paymentProvider = createPaymentProvider(config);

if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
  const admin = await ensureAdmin(sql, config.ADMIN_EMAIL, config.ADMIN_PASSWORD, { N: config.PASSWORD_SCRYPT_COST, r: 8, p: 1 });
  log('info', 'admin account ready', { user_id: admin.id, email: admin.email });
}

const app = createCoreApp({ sql, config, paymentProvider, log });
const port = Number(args.port ?? (new URL(config.CORE_URL).port || 80));
const server = serve({ fetch: app.fetch, port, hostname: new URL(config.CORE_URL).hostname }, () => log('info', 'core listening', { port })) as Server;
// Node closes a connection idle for 5 s by default, while the edge's fetch (undici, workerd) keeps
// it for reuse longer: a request sent on a connection core is closing is lost ("Network connection
// lost"). Core holds idle connections longer than its clients, so the client always closes first.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

const stopSweeper = startSweeper(sql, paymentProvider, config.SWEEPER_INTERVAL_MS, log);
const purge = setInterval(() => {
  purgeExpiredKeys(sql).catch((err: Error) => log('error', 'idempotency purge failed', { error: err.message }));
  purgeSignInWindows(sql).catch((err: Error) => log('error', 'sign-in window purge failed', { error: err.message }));
}, 3_600_000);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('info', 'shutting down', { signal });
  clearInterval(purge);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stopSweeper();
  await sql.end({ timeout: 5 });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
