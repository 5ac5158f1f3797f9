import type { Context } from 'hono';
import { problem, sendProblem } from '../../openapi/problem.ts';
import type { Problem } from '../../openapi/schemas/common.ts';
import type { EdgeEnv } from '../context.ts';
import { runAfterResponse } from '../http/background.ts';
import type { Logger } from '../log.ts';
import { SearchUnavailable } from '../search/es.ts';
import { etagOf, ifNoneMatchHits, type Sha256 } from './etag.ts';
import { requestTarget, type HotReads } from './hot-reads.ts';
import type { CachedEntry, CacheLocation, CacheStore } from './store.ts';

// Redis, then the loader (Elasticsearch). The response carries its own X-Cache (HIT or MISS; the
// in-process level, edge/http/hot-front.ts, answers its HITs before they get here, with
// X-Cache-Level memory), ETag and Cache-Control; it is 304 for a matching If-None-Match, and 503
// problem+json for a search outage. What it answered is kept among the hot reads, with every
// header of a HIT. Entries keep their ETag, so a hit is served as stored: no serialisation, no hashing.
export type CachedReadPolicy = { ttlSeconds: number; sMaxAge: number; staleWhileRevalidate: number };

export type CachedRead = {
  at: CacheLocation;
  policy: CachedReadPolicy;
  /** The response value, or a problem (not cached) such as 404. */
  load(): Promise<unknown>;
  isProblem?(value: unknown): value is Problem;
  /** How the value becomes the body (default JSON), and its content type: a storefront page renders HTML. */
  as?: { contentType: string; encode(value: unknown): string };
};

type Outcome = { entry: CachedEntry; hit: boolean } | { problem: Problem; headers?: Record<string, string> };

const RETRY_AFTER_SECONDS = 5;
const searchUnavailable = () =>
  problem(503, 'search-unavailable', 'Search is temporarily unavailable', 'The search index cannot be reached and no cached copy exists; retry shortly.');

const cacheControl = (p: CachedReadPolicy) => `public, max-age=0, s-maxage=${p.sMaxAge}, stale-while-revalidate=${p.staleWhileRevalidate}`;

export function createCachedReader(deps: {
  cache: CacheStore;
  hot: HotReads | null;
  /** The headers every response carries whatever the request (see common-headers.ts). */
  fixedHeaders: Readonly<Record<string, string>>;
  sha256: Sha256;
  log: Logger;
  /**
   * Concurrent requests for the same key share one Redis read / Elasticsearch load, so an entry
   * expiring under load costs one round trip, not one per waiting request. Node only: workerd
   * does not let a request wait on a promise that another request's I/O settles.
   */
  coalesce: boolean;
}) {
  const inflight = new Map<string, Promise<Outcome>>();

  async function lookup(c: Context<EdgeEnv>, read: CachedRead): Promise<Outcome> {
    const cached = await deps.cache.get(read.at);
    if (cached) return { entry: cached, hit: true };
    let value: unknown;
    try {
      value = await read.load();
    } catch (e) {
      if (!(e instanceof SearchUnavailable)) throw e;
      deps.log.error('search unavailable', { error: e.message, path: c.req.path });
      return { problem: searchUnavailable(), headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } };
    }
    if (read.isProblem?.(value)) return { problem: value };
    const body = read.as ? read.as.encode(value) : JSON.stringify(value);
    const entry = { etag: await etagOf(body, deps.sha256), body };
    runAfterResponse(c, () => deps.cache.set(read.at, entry, read.policy.ttlSeconds));
    return { entry, hit: false };
  }

  function shared(c: Context<EdgeEnv>, key: string, read: CachedRead): Promise<Outcome> {
    if (!deps.coalesce) return lookup(c, read);
    let pending = inflight.get(key);
    if (!pending) {
      pending = lookup(c, read).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  }

  return async function cachedRead(c: Context<EdgeEnv>, read: CachedRead): Promise<Response> {
    const answer = ({ etag, body }: CachedEntry, hit: boolean) => {
      const own = { 'content-type': read.as?.contentType ?? 'application/json', etag, 'cache-control': cacheControl(read.policy) };
      if (deps.hot) {
        const length = String(new TextEncoder().encode(body).length);
        deps.hot.set(requestTarget(c.req.url), {
          etag,
          body,
          headers: { ...deps.fixedHeaders, ...own, 'x-cache': 'HIT', 'x-cache-level': 'memory', 'content-length': length },
        });
      }
      const headers: Record<string, string> = hit ? { ...own, 'x-cache': 'HIT', 'x-cache-level': 'redis' } : { ...own, 'x-cache': 'MISS' };
      return ifNoneMatchHits(c.req.header('if-none-match'), etag) ? new Response(null, { status: 304, headers }) : new Response(body, { status: 200, headers });
    };

    const key = read.at.field === undefined ? read.at.key : `${read.at.key}\u0000${read.at.field}`;
    const outcome = await shared(c, key, read);
    return 'problem' in outcome ? sendProblem(c, outcome.problem, outcome.headers) : answer(outcome.entry, outcome.hit);
  };
}
