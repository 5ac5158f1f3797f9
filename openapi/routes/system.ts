import { createRoute, z } from '@hono/zod-openapi';
import { ProblemSchema } from '../schemas/common.ts';
import { PROBLEM_CONTENT_TYPE } from '../problem.ts';
import { json, serviceProblems } from './problems.ts';

// Health, plus the response pieces every cached edge read shares.

/** Headers of cacheable reads (search, suggest, product, reviews). */
export const cachedReadHeaders = z.object({
  'X-Cache': z.enum(['HIT', 'MISS']).openapi({ description: 'HIT when a cached copy answered (in-process or Redis), MISS when Elasticsearch did' }),
  'X-Cache-Level': z
    .enum(['memory', 'redis'])
    .optional()
    .openapi({ description: 'Which cache answered a HIT: the in-process level (up to EDGE_L1_CACHE_TTL_MS old) or Redis' }),
  ETag: z.string(),
  'Cache-Control': z.string(),
});

export const cachedReadResponses = {
  304: { description: 'The client copy (If-None-Match) is current', headers: cachedReadHeaders },
  503: {
    description: 'Search is unavailable and nothing is cached; retry after Retry-After seconds',
    headers: z.object({ 'Retry-After': z.string() }),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
  },
} as const;

export const cachedJson = <T>(schema: T, description: string) => ({ ...json(schema, description), headers: cachedReadHeaders });

export const HealthSchema = z.object({ status: z.literal('ok'), service: z.string(), runtime: z.string() }).openapi('Health');

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  operationId: 'getHealth',
  summary: 'Liveness of this service',
  responses: { 200: json(HealthSchema, 'Alive'), ...serviceProblems },
});
