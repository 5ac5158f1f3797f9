import { createRoute, z } from '@hono/zod-openapi';
import { ProblemSchema } from '../schemas/common.ts';

// Health, plus the response pieces every edge read route shares.
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Headers of cacheable reads (search, suggest, product). */
export const cachedReadHeaders = z.object({
  'X-Cache': z.enum(['HIT', 'MISS']).openapi({ description: 'Whether Redis answered' }),
  ETag: z.string(),
  'Cache-Control': z.string(),
});

export const notModifiedResponse = { description: 'The client copy (If-None-Match) is current', headers: cachedReadHeaders };
export const unavailableResponse = problemResponse('Search is unavailable and nothing is cached; retry after Retry-After seconds');

export const HealthSchema = z
  .object({ status: z.literal('ok'), service: z.string(), runtime: z.string() })
  .openapi('Health');

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  operationId: 'getHealth',
  summary: 'Liveness of this service',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: HealthSchema } } } },
});
