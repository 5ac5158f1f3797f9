import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';
import type { EdgeEnv } from '../context.ts';
import { allowedOrigin, fixedCorsHeaders, type CorsOptions } from './cors.ts';

// The headers every edge response carries: X-Request-Id, CORS and the security headers. The
// middleware below adds them to every response of the routed app; the hot front
// (edge/http/hot-front.ts) puts the same ones into its responses itself. Why not Hono's
// requestId/cors/secureHeaders: the hot front answers without Hono and keeps its headers a plain
// object (on Node a Headers object leaves through undici's validating, sorting code, about half
// of a cached read's throughput), so both take the headers from here.

// The API's responses are data, not documents, so they carry the OWASP REST set: HSTS, nosniff,
// and a CSP that lets nothing load or frame them (it supersedes X-Frame-Options). The document
// headers of Hono's secureHeaders() (COOP, Origin-Agent-Cluster, X-DNS-Prefetch-Control,
// X-Download-Options, X-XSS-Protection, …) only act on HTML pages, and each header costs a cached
// read about 5% of its throughput on Node; /docs, the one HTML page, gets them instead.
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/** Hono's secureHeaders() defaults, for HTML pages (/docs sets its own CSP: edge/docs/reference.ts). */
export const DOCUMENT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
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
export function requestIdFor(incoming: string | null | undefined, generate: () => string = () => crypto.randomUUID()): string {
  return incoming && incoming.length <= REQUEST_ID_MAX && !/[^\w\-=]/.test(incoming) ? incoming : generate();
}

export type CommonHeaders = {
  /** The headers every API response carries whatever the request: security and fixed CORS. */
  fixed: Readonly<Record<string, string>>;
  /** The same for an HTML page: the document security headers instead of the API's. */
  fixedForPage: Readonly<Record<string, string>>;
  /** `headers` (which already hold `fixed`) plus those of one request: its id and allowed origin. */
  addRequest(headers: Record<string, string>, requestId: string, origin: string | undefined): Record<string, string>;
};

export function createCommonHeaders(cors: CorsOptions): CommonHeaders {
  const fixedCors = fixedCorsHeaders(cors);
  return {
    fixed: { ...API_SECURITY_HEADERS, ...fixedCors },
    fixedForPage: { ...DOCUMENT_SECURITY_HEADERS, ...fixedCors },
    addRequest(headers, requestId, origin) {
      headers['X-Request-Id'] = requestId;
      const allowed = allowedOrigin(origin, cors);
      if (allowed !== undefined) headers['Access-Control-Allow-Origin'] = allowed;
      return headers;
    },
  };
}

const isHtml = (contentType: string | null) => contentType !== null && /^text\/html\b/i.test(contentType);

/** Gives the request its id, answers CORS preflights, and adds the common headers to whatever response comes back. */
export function commonHeadersMiddleware(common: CommonHeaders, cors: CorsOptions): MiddlewareHandler<EdgeEnv> {
  const preflight = honoCors({ origin: cors.origins, exposeHeaders: cors.exposeHeaders, maxAge: cors.maxAgeSeconds });
  return async (c, next) => {
    const id = requestIdFor(c.req.header('x-request-id'));
    c.set('requestId', id);
    if (c.req.method === 'OPTIONS') {
      const answer = await preflight(c, next);
      if (answer) c.res = answer;
    } else await next();
    const res = c.res.headers;
    const fixed = isHtml(res.get('content-type')) ? common.fixedForPage : common.fixed;
    for (const [name, value] of Object.entries(common.addRequest({ ...fixed }, id, c.req.header('origin')))) {
      // A preflight answer already has its CORS headers (and Vary: Origin) from Hono's cors.
      if (name === 'Vary') {
        if (!/\bOrigin\b/i.test(res.get('vary') ?? '')) res.append(name, value);
      } else if (!(name.startsWith('Access-Control-') && res.has(name))) res.set(name, value);
    }
  };
}
