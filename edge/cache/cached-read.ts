import type { Context } from 'hono';
import type { Problem } from '../../openapi/schemas/common.ts';
import { RETRY_AFTER_SECONDS, searchUnavailable, sendProblem } from '../http/problem.ts';
import type { Logger } from '../log.ts';
import { SearchUnavailable } from '../search/es.ts';
import { etagOf, ifNoneMatchHits } from './etag.ts';
import type { CacheLocation, CacheStore } from './store.ts';
import { runInBackground } from '../http/background.ts';

// Redis first, then the loader (Elasticsearch); sets X-Cache, ETag and Cache-Control, answers
// 304 to a matching If-None-Match, and turns a search outage into 503 problem+json.
export type CachedReadPolicy = { ttlSeconds: number; sMaxAge: number; staleWhileRevalidate: number };

export type CachedRead = {
  at: CacheLocation;
  policy: CachedReadPolicy;
  /** The response value, or a problem (not cached) such as 404. */
  load(): Promise<unknown>;
  isProblem?(value: unknown): value is Problem;
};

export function createCachedReader(deps: { cache: CacheStore; log: Logger }) {
  return async function cachedRead(c: Context, read: CachedRead): Promise<Response> {
    const headers = (etag: string, hit: boolean) => ({
      'content-type': 'application/json',
      etag,
      'cache-control': `public, max-age=0, s-maxage=${read.policy.sMaxAge}, stale-while-revalidate=${read.policy.staleWhileRevalidate}`,
      'x-cache': hit ? 'HIT' : 'MISS',
    });
    const answer = (etag: string, body: string, hit: boolean) =>
      ifNoneMatchHits(c.req.header('if-none-match'), etag) ? c.body(null, 304, headers(etag, hit)) : c.body(body, 200, headers(etag, hit));

    const cached = await deps.cache.get(read.at);
    if (cached) return answer(cached.etag, cached.body, true);

    let value: unknown;
    try {
      value = await read.load();
    } catch (e) {
      if (!(e instanceof SearchUnavailable)) throw e;
      deps.log.error('search unavailable', { error: e.message, path: c.req.path });
      return sendProblem(c, searchUnavailable(), { 'retry-after': String(RETRY_AFTER_SECONDS) });
    }
    if (read.isProblem?.(value)) return sendProblem(c, value);
    const body = JSON.stringify(value);
    const etag = await etagOf(body);
    runInBackground(c, deps.cache.set(read.at, { etag, body }, read.policy.ttlSeconds));
    return answer(etag, body, false);
  };
}
