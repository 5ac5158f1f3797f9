import type { Context, MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import type { EdgeEnv } from '../context.ts';
import { corsHeaders, type CorsOptions } from './cors.ts';

// The headers every edge response carries: X-Request-Id, CORS and the security headers (the
// same set and values as Hono's secureHeaders() defaults). Hot handlers put them into their own
// c.body() call with withCommonHeaders(); every other response gets them set afterwards. Why not
// Hono's requestId/cors/secureHeaders: each touches a Headers object (c.header() or
// c.res.headers), and on Node a response whose headers are a Headers object leaves through
// undici's validating, sorting Headers code instead of a plain object — half the throughput of
// a cached read.
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};

const REQUEST_ID_MAX = 255;

/** The caller's X-Request-Id when it is safe to echo and log, else a new one. */
export function requestIdFor(incoming: string | undefined, generate: () => string = () => crypto.randomUUID()): string {
  return incoming && incoming.length <= REQUEST_ID_MAX && !/[^\w\-=]/.test(incoming) ? incoming : generate();
}

/** The common headers of one response, as a plain record. */
export function commonHeaders(requestId: string, origin: string | undefined, cors: CorsOptions): Record<string, string> {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'X-Request-Id': requestId };
  for (const [name, value] of corsHeaders(origin, cors)) headers[name] = value;
  if (cors.origins !== '*') headers['Vary'] = 'Origin';
  return headers;
}

export function commonHeadersMiddleware(cors: CorsOptions): MiddlewareHandler<EdgeEnv> {
  const preflight = honoCors({ origin: cors.origins, exposeHeaders: cors.exposeHeaders, maxAge: cors.maxAgeSeconds });
  return async (c, next) => {
    const id = requestIdFor(c.req.header('x-request-id'));
    c.set('requestId', id);
    const headers = commonHeaders(id, c.req.header('origin'), cors);
    c.set('commonHeaders', headers);
    c.set('commonHeadersSent', false);
    if (c.req.method === 'OPTIONS') {
      const answer = await preflight(c, next);
      if (answer) c.res = answer;
    } else await next();
    if (c.get('commonHeadersSent')) return;
    const res = c.res.headers;
    for (const [name, value] of Object.entries(headers)) {
      // A preflight answer already has its CORS headers (and Vary: Origin) from Hono's cors.
      if (name === 'Vary') {
        if (!/\bOrigin\b/i.test(res.get('vary') ?? '')) res.append(name, value);
      } else if (!(name.startsWith('Access-Control-') && res.has(name))) res.set(name, value);
    }
  };
}

/** `headers` plus the common ones, for a handler building its response itself. */
export function withCommonHeaders(c: Context<EdgeEnv>, headers: Record<string, string>): Record<string, string> {
  c.set('commonHeadersSent', true);
  return { ...c.get('commonHeaders'), ...headers };
}
