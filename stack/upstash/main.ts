import { serve } from '@hono/node-server';
import { Redis } from 'ioredis';
import { config } from '../../config/index.ts';
import { hostPort } from '../../config/schema.ts';
import { createUpstashApp } from './app.ts';

// The local stand-in for Upstash: REST in front of the stack's Redis.
const redis = new Redis({ host: config.REDIS_HOST, port: config.REDIS_PORT, maxRetriesPerRequest: 2, enableOfflineQueue: true });
redis.on('error', (e) => console.error(JSON.stringify({ level: 'error', msg: 'redis connection', err: e.message })));
const { host, port } = hostPort(config.UPSTASH_REDIS_REST_URL);
const server = serve({ fetch: createUpstashApp(redis, config.UPSTASH_REDIS_REST_TOKEN).fetch, hostname: host, port }, () =>
  console.error(JSON.stringify({ level: 'info', msg: 'upstash bridge listening', url: config.UPSTASH_REDIS_REST_URL })),
);
const shutdown = () => server.close(() => redis.quit().finally(() => process.exit(0)));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
