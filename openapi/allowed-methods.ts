import { problem, sendProblem, type ProblemContext } from './problem.ts';

// 405 Method Not Allowed, the same in core and the edge: a path some route serves, asked with a
// method none of them takes, names the methods it does take (RFC 9110 §15.5.6) instead of a 404.
export type RouteEntry = { method: string; path: string };

const patternOf = (path: string) => new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+')}/?$`);

/** The methods of the routes matching `path` (Hono route paths: `:param` segments), HEAD with GET; empty when no route serves the path. */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const methods = new Set<string>();
  for (const r of routes) {
    if (r.method === 'ALL' || r.path.includes('*') || !patternOf(r.path).test(path)) continue;
    methods.add(r.method.toUpperCase());
    if (r.method.toUpperCase() === 'GET') methods.add('HEAD');
  }
  return [...methods].sort();
}

/** The 405 answer for `method` on a path served only with `allow`. */
export function methodNotAllowed(c: ProblemContext, allow: readonly string[], method: string): Response {
  return sendProblem(c, problem(405, 'method-not-allowed', 'Method not allowed', `${method} is not served here; use ${allow.join(', ')}`), {
    allow: allow.join(', '),
  });
}
