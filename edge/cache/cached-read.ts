import type { Context } from 'hono';
import type { Problem } from '../../openapi/schemas/common.ts';
import { RETRY_AFTER_SECONDS, searchUnavailable, sendProblem } from '../http/problem.ts';
import type { Logger } from '../log.ts';
import { SearchUnavailable } from '../search/es.ts';
import { etagOf, ifNoneMatchHits } from './etag.ts';
import { memoryKey, type MemoryTier } from './memory-tier.ts';
import type { CachedEntry, CacheLocation, CacheStore } from './store.ts';
import { runInBackground } from '../http/background.ts';

// The in-process tier, then Redis, then the loader (Elasticsearch); sets X-Cache (HIT from
// either level, which one in X-Cache-Level), ETag and Cache-Control, answers 304 to a matching
// If-None-Match, and turns a search outage into 503 problem+json. Entries keep their ETag, so
// a hit is served as stored: no serialisation, no hashing.
export type CachedReadPolicy = { ttlSeconds: number; sMaxAge: number; staleWhileRevalidate: number };

export type CachedRead = {
  at: CacheLocation;
  policy: CachedReadPolicy;
  /** The response value, or a problem (not cached) such as 404. */
  load(): Promise<unknown>;
  isProblem?(value: unknown): value is Problem;
};

export type CacheLevel = 'memory' | 'redis';

const cacheControl = (p: CachedReadPolicy) => `public, max-age=0, s-maxage=${p.sMaxAge}, stale-while-revalidate=${p.staleWhileRevalidate}`;

export function createCachedReader(deps: { cache: CacheStore; memory: MemoryTier | null; log: Logger }) {
  return async function cachedRead(c: Context, read: CachedRead): Promise<Response> {
    const answer = ({ etag, body }: CachedEntry, level: CacheLevel | null) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', etag, 'cache-control': cacheControl(read.policy), 'x-cache': level ? 'HIT' : 'MISS' };
      if (level) headers['x-cache-level'] = level;
      return ifNoneMatchHits(c.req.header('if-none-match'), etag) ? c.body(null, 304, headers) : c.body(body, 200, headers);
    };

    const key = memoryKey(read.at);
    const local = deps.memory?.get(key);
    if (local) return answer(local, 'memory');
    const cached = await deps.cache.get(read.at);
    if (cached) {
      deps.memory?.set(key, cached);
      return answer(cached, 'redis');
    }

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
    const entry = { etag: await etagOf(body), body };
    deps.memory?.set(key, entry);
    runInBackground(c, deps.cache.set(read.at, entry, read.policy.ttlSeconds));
    return answer(entry, null);
  };
}
