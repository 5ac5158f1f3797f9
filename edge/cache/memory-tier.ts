import { LRUCache } from 'lru-cache';
import type { CachedEntry } from './store.ts';

// The first cache level: a bounded LRU of response entries in this process (one per isolate on
// Workers), in front of Redis. Entries live at most ttlMs, so anything Redis retires (the
// indexer's DEL, a catalog version bump) stops being served here within that time.
export type MemoryTier = {
  get(key: string): CachedEntry | undefined;
  set(key: string, entry: CachedEntry): void;
};

export function createMemoryTier(opts: { ttlMs: number; maxBytes: number; now?: () => number }): MemoryTier | null {
  if (opts.ttlMs <= 0 || opts.maxBytes <= 0) return null;
  const lru = new LRUCache<string, CachedEntry>({
    ttl: opts.ttlMs,
    // No shared clock timer: workerd allows timers only inside a request.
    ttlResolution: 0,
    ...(opts.now ? { perf: { now: opts.now } } : {}),
    maxSize: opts.maxBytes,
    // UTF-16 code units, twice that in bytes; near enough to bound memory.
    sizeCalculation: (e, key) => 2 * (e.body.length + e.etag.length + key.length) + 64,
  });
  return {
    get: (key) => lru.get(key),
    set: (key, entry) => void lru.set(key, entry),
  };
}

/** One string per cache location, matching the Redis key (and hash field). */
export const memoryKey = (at: { key: string; field?: string }) => (at.field === undefined ? at.key : `${at.key}\u0000${at.field}`);

const MEMO_ENTRY_CHARS = 100;

/**
 * A pure async function remembered for its most recent distinct inputs, as many as fit in
 * `maxChars` (input length plus a fixed allowance per entry); in-flight calls are shared.
 */
export function memoizeAsync(fn: (input: string) => Promise<string>, maxChars: number): (input: string) => Promise<string> {
  const seen = new LRUCache<string, Promise<string>>({ maxSize: maxChars, sizeCalculation: (_, input) => input.length + MEMO_ENTRY_CHARS });
  return (input) => {
    let out = seen.get(input);
    if (out === undefined) {
      out = fn(input);
      seen.set(input, out);
      out.catch(() => seen.delete(input));
    }
    return out;
  };
}
