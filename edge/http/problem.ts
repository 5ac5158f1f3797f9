import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PROBLEM_CONTENT_TYPE, problem } from '../../openapi/problem.ts';
import type { Problem } from '../../openapi/schemas/common.ts';

// Every edge error leaves through here, as RFC 9457 problem+json.
export function sendProblem(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, { 'content-type': PROBLEM_CONTENT_TYPE, ...headers });
}

export const RETRY_AFTER_SECONDS = 5;

export const searchUnavailable = () =>
  problem(503, 'search-unavailable', 'Search is temporarily unavailable', 'The search index cannot be reached and no cached copy exists; retry shortly.');
