import type { OpenAPIHono } from '@hono/zod-openapi';
import { collectDefaultMetrics, Registry } from 'prom-client';

// core's Prometheus registry and GET /metrics: the process metrics and the counters the domains
// register on coreMetrics (e.g. the sweeper's).
export const coreMetrics = new Registry();
collectDefaultMetrics({ register: coreMetrics });

export function registerMetricsRoute(app: OpenAPIHono): void {
  app.get('/metrics', async (c) => c.body(await coreMetrics.metrics(), 200, { 'content-type': coreMetrics.contentType }));
}
