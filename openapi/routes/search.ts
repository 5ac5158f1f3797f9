import { createRoute } from '@hono/zod-openapi';
import { SearchQuerySchema, SearchResponseSchema, SuggestQuerySchema, SuggestResponseSchema } from '../schemas/search.ts';
import { cachedReadHeaders, notModifiedResponse, problemResponse, unavailableResponse } from './system.ts';

export const searchRoute = createRoute({
  method: 'get',
  path: '/products/search_item',
  tags: ['catalog'],
  operationId: 'searchProducts',
  summary: 'Full-text product search with filters, facets, sorting and paging',
  request: { query: SearchQuerySchema },
  responses: {
    200: { description: 'One page of hits', headers: cachedReadHeaders, content: { 'application/json': { schema: SearchResponseSchema } } },
    304: notModifiedResponse,
    400: problemResponse('A parameter is invalid (e.g. size > 100, a bad cursor)'),
    503: unavailableResponse,
  },
});

export const suggestRoute = createRoute({
  method: 'get',
  path: '/products/suggest',
  tags: ['catalog'],
  operationId: 'suggestProducts',
  summary: 'Autocomplete: up to 10 product titles for a prefix (typos tolerated)',
  request: { query: SuggestQuerySchema },
  responses: {
    200: { description: 'Suggestions', headers: cachedReadHeaders, content: { 'application/json': { schema: SuggestResponseSchema } } },
    304: notModifiedResponse,
    400: problemResponse('q is missing or too long'),
    503: unavailableResponse,
  },
});
