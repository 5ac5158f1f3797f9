import { LRUCache } from 'lru-cache';

// The first cache level: the cached reads this process answered in the last ttlMs, by their
// exact path and query, with the headers of a HIT ready. The edge answers a GET found here before
// Hono routes, validates and hashes it (edge/http/hot-front.ts), which was about half of what a
// cached read cost. One per process on Node, one per isolate on Workers. Entries live at most ttlMs,
// so anything Redis retires (the indexer's DEL, a catalog version bump) stops being served here
// within that time. Only cached reads that succeeded are kept, so a URL here is one that routed
// and validated.
export type HotRead = {
  etag: string;
  body: string;
  /**
   * Every header of a HIT but those of the request (its id and allowed origin), Content-Length
   * included: Node would otherwise measure the body's UTF-8 length on every response.
   */
  headers: Readonly<Record<string, string>>;
};

export type HotReads = {
  get(target: string): HotRead | undefined;
  set(target: string, read: HotRead): void;
};

const HEADER_BYTES_ALLOWANCE = 1024;

export function createHotReads(opts: { ttlMs: number; maxBytes: number; now?: () => number }): HotReads | null {
  if (opts.ttlMs <= 0 || opts.maxBytes <= 0) return null;
  const lru = new LRUCache<string, HotRead>({
    ttl: opts.ttlMs,
    // No shared clock timer: workerd allows timers only inside a request.
    ttlResolution: 0,
    ...(opts.now ? { perf: { now: opts.now } } : {}),
    maxSize: opts.maxBytes,
    // UTF-16 code units, twice that in bytes; near enough to bound memory.
    sizeCalculation: (r, target) => 2 * (r.body.length + r.etag.length + target.length) + HEADER_BYTES_ALLOWANCE,
  });
  return {
    get: (target) => lru.get(target),
    set: (target, read) => void lru.set(target, read),
  };
}

/** The path and query of an absolute URL: what keys a hot read (the host never changes a read). */
export function requestTarget(url: string): string {
  const scheme = url.indexOf('://');
  const slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
  return slash < 0 ? '/' : url.slice(slash);
}
