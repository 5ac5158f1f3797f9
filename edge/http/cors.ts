import type { MiddlewareHandler } from 'hono';
import { cors as honoCors } from 'hono/cors';

// CORS for the edge. Preflights go to Hono's cors middleware; on every other request the
// headers are staged with c.header() before the handler runs. Hono's middleware instead writes
// them to c.res.headers up front, which makes Hono rebuild the handler's response around its body
// stream: on Node that turns every answer into a streamed, chunked one (a few thousand req/s lost).
export type CorsOptions = { origins: '*' | string[]; exposeHeaders: string[]; maxAgeSeconds: number };

/** The CORS headers of a non-preflight response to a request from `origin` (absent: none sent). */
export function corsHeaders(origin: string | undefined, opts: CorsOptions): [string, string][] {
  const exposed: [string, string][] = opts.exposeHeaders.length ? [['Access-Control-Expose-Headers', opts.exposeHeaders.join(',')]] : [];
  if (opts.origins === '*') return [['Access-Control-Allow-Origin', '*'], ...exposed];
  return origin !== undefined && opts.origins.includes(origin) ? [['Access-Control-Allow-Origin', origin], ...exposed] : exposed;
}

export function parseCorsOrigins(setting: string): '*' | string[] {
  return setting === '*' ? '*' : setting.split(',').map((o) => o.trim()).filter((o) => o !== '');
}

export function cors(opts: CorsOptions): MiddlewareHandler {
  const preflight = honoCors({ origin: opts.origins, exposeHeaders: opts.exposeHeaders, maxAge: opts.maxAgeSeconds });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    for (const [name, value] of corsHeaders(c.req.header('origin'), opts)) c.header(name, value);
    await next();
    // Appended to the finished response's headers (not c.header(), which would rebuild it).
    if (opts.origins !== '*') c.res.headers.append('Vary', 'Origin');
  };
}
