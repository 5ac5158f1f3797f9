// CORS decisions for the edge. Preflights are answered by Hono's cors middleware; the headers of
// every other response come from here (through common-headers.ts).
export type CorsOptions = { origins: '*' | string[]; exposeHeaders: string[]; maxAgeSeconds: number };

/** The CORS headers of a non-preflight response that do not depend on the request's Origin. */
export function fixedCorsHeaders(opts: CorsOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (opts.origins === '*') headers['Access-Control-Allow-Origin'] = '*';
  if (opts.exposeHeaders.length) headers['Access-Control-Expose-Headers'] = opts.exposeHeaders.join(',');
  // With a list the answer differs by Origin, so shared caches must keep them apart.
  if (opts.origins !== '*') headers.Vary = 'Origin';
  return headers;
}

/** The Access-Control-Allow-Origin a listed `origin` gets (with `*` it is among the fixed headers). */
export function allowedOrigin(origin: string | undefined, opts: CorsOptions): string | undefined {
  return opts.origins !== '*' && origin !== undefined && opts.origins.includes(origin) ? origin : undefined;
}

export function parseCorsOrigins(setting: string): '*' | string[] {
  return setting === '*'
    ? '*'
    : setting
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== '');
}
