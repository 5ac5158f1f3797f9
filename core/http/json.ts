import { PROBLEM_CONTENT_TYPE } from '../../openapi/problem.ts';

// Responses whose status is only known at run time (idempotent replays).
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
}
