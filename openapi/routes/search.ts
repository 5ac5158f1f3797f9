import { createRoute } from '@hono/zod-openapi';
import { SearchQuerySchema, SearchResponseSchema, SuggestQuerySchema, SuggestResponseSchema } from '../schemas/search.ts';
import { problemResponses, serviceProblems } from './problems.ts';
import { cachedJson, cachedReadResponses } from './system.ts';

export const searchRoute = createRoute({
  method: 'get',
  path: '/products/search_item',
  tags: ['catalog'],
  operationId: 'searchProducts',
  summary: 'Full-text product search with filters, facets, sorting and paging',
  request: { query: SearchQuerySchema },
  responses: { 200: cachedJson(SearchResponseSchema, 'One page of hits'), ...serviceProblems, ...cachedReadResponses, ...problemResponses(400) },
});

export const suggestRoute = createRoute({
  method: 'get',
  path: '/products/suggest',
  tags: ['catalog'],
  operationId: 'suggestProducts',
  summary: 'Autocomplete: up to 10 product titles for a prefix (typos tolerated)',
  request: { query: SuggestQuerySchema },
  responses: { 200: cachedJson(SuggestResponseSchema, 'Suggestions'), ...serviceProblems, ...cachedReadResponses, ...problemResponses(400) },
});
