import { Redis } from '@upstash/redis';
import { cacheKeys } from '../../openapi/internal/read-model.ts';

// Cache invalidation through the Upstash REST API: each touched product's hash goes, and one
// bump of the catalog version retires every search/suggest entry.
//
// It happens twice. A read that missed the cache just before the change can still be loading
// the old document (or searching before the index refresh) and store it after the first
// delete; the second one, once every such read has finished, retires that copy too, so a
// stale entry lives seconds instead of a whole cache TTL.
export type CacheInvalidator = { invalidate(productIds: readonly string[]): Promise<void>; close(): void };

export const SECOND_INVALIDATION_MS = 2000;

export function cacheInvalidator(url: string, token: string, indexPrefix: string, secondAfterMs = SECOND_INVALIDATION_MS): CacheInvalidator {
  const redis = new Redis({ url, token, retry: { retries: 3, backoff: (n) => Math.min(1000, 50 * 2 ** n) } });
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const retire = async (ids: readonly string[]) => {
    const p = redis.pipeline();
    for (let i = 0; i < ids.length; i += 500) p.del(...ids.slice(i, i + 500).map((id) => cacheKeys.product(indexPrefix, id)));
    p.incr(cacheKeys.catalogVersion(indexPrefix));
    await p.exec();
  };
  return {
    async invalidate(ids) {
      if (ids.length === 0) return;
      await retire(ids);
      const timer = setTimeout(() => {
        timers.delete(timer);
        // best effort: the first delete already happened, the entry TTL bounds the rest
        retire(ids).catch(() => undefined);
      }, secondAfterMs);
      timer.unref?.();
      timers.add(timer);
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
