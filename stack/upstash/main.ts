import { serve } from '@hono/node-server';
import { Redis } from 'ioredis';
import { config } from '../../config/index.ts';
import { refuseUnsafeStart } from '../../config/refuse-unsafe-start.ts';
import { hostPort } from '../../config/schema.ts';
import { createUpstashApp } from './app.ts';
import { bridgeOf, BRIDGE_ROLES, isBridgeRole } from './bridges.ts';

// The local stand-in for one Upstash database: REST in front of a database of the stack's Redis.
// `node stack/upstash/main.ts [cache|rate-limit]` (default cache).
const role = process.argv[2] ?? 'cache';
if (!isBridgeRole(role)) {
  console.error(`usage: main.ts [${BRIDGE_ROLES.join('|')}]`);
  process.exit(2);
}
const bridge = bridgeOf(config, role);
refuseUnsafeStart(config, 'upstash', [role === 'cache' ? 'UPSTASH_REDIS_REST_TOKEN' : 'RATE_LIMIT_REDIS_REST_TOKEN']);
const redis = new Redis({ host: config.REDIS_HOST, port: config.REDIS_PORT, db: bridge.db, maxRetriesPerRequest: 2, enableOfflineQueue: true });
redis.on('error', (e) => console.error(JSON.stringify({ level: 'error', msg: 'redis connection', err: e.message })));
const { host, port } = hostPort(bridge.url);
const server = serve({ fetch: createUpstashApp(redis, bridge.token).fetch, hostname: host, port }, () =>
  console.error(JSON.stringify({ level: 'info', msg: 'upstash bridge listening', role, url: bridge.url, db: bridge.db })),
);
const shutdown = () => server.close(() => redis.quit().finally(() => process.exit(0)));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
