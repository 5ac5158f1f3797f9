// CORS decisions for the edge. Preflights are answered by Hono's cors middleware; the headers of
// every other response come from here (through common-headers.ts).
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
