import type { Context } from 'hono';
import type { Problem } from '../../openapi/schemas/common.ts';
import type { EdgeEnv } from '../context.ts';
import { runInBackground } from '../http/background.ts';
import { withCommonHeaders } from '../http/common-headers.ts';
import { RETRY_AFTER_SECONDS, searchUnavailable, sendProblem } from '../http/problem.ts';
import type { Logger } from '../log.ts';
import { SearchUnavailable } from '../search/es.ts';
import { etagOf, ifNoneMatchHits } from './etag.ts';
import { memoryKey, type MemoryTier } from './memory-tier.ts';
import type { CachedEntry, CacheLocation, CacheStore } from './store.ts';

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

type Outcome = { entry: CachedEntry; level: CacheLevel | null } | { problem: Problem; headers?: Record<string, string> };

const cacheControl = (p: CachedReadPolicy) => `public, max-age=0, s-maxage=${p.sMaxAge}, stale-while-revalidate=${p.staleWhileRevalidate}`;

export function createCachedReader(deps: {
  cache: CacheStore;
  memory: MemoryTier | null;
  log: Logger;
  /**
   * Concurrent requests for the same key share one Redis read / Elasticsearch load, so an entry
   * expiring under load costs one round trip, not one per waiting request. Node only: workerd
   * does not let a request wait on a promise that another request's I/O settles.
   */
  coalesce: boolean;
}) {
  const inflight = new Map<string, Promise<Outcome>>();

  async function lookup(c: Context<EdgeEnv>, key: string, read: CachedRead): Promise<Outcome> {
    const cached = await deps.cache.get(read.at);
    if (cached) {
      deps.memory?.set(key, cached);
      return { entry: cached, level: 'redis' };
    }
    let value: unknown;
    try {
      value = await read.load();
    } catch (e) {
      if (!(e instanceof SearchUnavailable)) throw e;
      deps.log.error('search unavailable', { error: e.message, path: c.req.path });
      return { problem: searchUnavailable(), headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } };
    }
    if (read.isProblem?.(value)) return { problem: value };
    const body = JSON.stringify(value);
    const entry = { etag: await etagOf(body), body };
    deps.memory?.set(key, entry);
    runInBackground(c, deps.cache.set(read.at, entry, read.policy.ttlSeconds));
    return { entry, level: null };
  }

  function shared(c: Context<EdgeEnv>, key: string, read: CachedRead): Promise<Outcome> {
    if (!deps.coalesce) return lookup(c, key, read);
    let pending = inflight.get(key);
    if (!pending) {
      pending = lookup(c, key, read).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  }

  return async function cachedRead(c: Context<EdgeEnv>, read: CachedRead): Promise<Response> {
    const answer = ({ etag, body }: CachedEntry, level: CacheLevel | null) => {
      const status = level ? 'HIT' : 'MISS';
      c.set('cacheStatus', status);
      const headers = withCommonHeaders(c, { 'content-type': 'application/json', etag, 'cache-control': cacheControl(read.policy), 'x-cache': status });
      if (level) headers['x-cache-level'] = level;
      // A Response of our own, not c.body(): Hono would copy several headers into a Headers
      // object, which on Node costs more than the rest of a cache hit (see common-headers.ts).
      return ifNoneMatchHits(c.req.header('if-none-match'), etag) ? new Response(null, { status: 304, headers }) : new Response(body, { status: 200, headers });
    };

    const key = memoryKey(read.at);
    const local = deps.memory?.get(key);
    if (local) return answer(local, 'memory');
    const outcome = await shared(c, key, read);
    return 'problem' in outcome ? sendProblem(c, outcome.problem, outcome.headers) : answer(outcome.entry, outcome.level);
  };
}
