import { Redis } from '@upstash/redis';
import { cacheKeys } from '../../openapi/internal/read-model.ts';

// Cache invalidation through the Upstash REST API: each touched product's hash goes, and one
// bump of the catalog version retires every search/suggest entry.
export type CacheInvalidator = (productIds: readonly string[]) => Promise<void>;

export function cacheInvalidator(url: string, token: string, indexPrefix: string): CacheInvalidator {
  const redis = new Redis({ url, token, retry: { retries: 3, backoff: (n) => Math.min(1000, 50 * 2 ** n) } });
  return async (ids) => {
    if (ids.length === 0) return;
    const p = redis.pipeline();
    for (let i = 0; i < ids.length; i += 500) p.del(...ids.slice(i, i + 500).map(cacheKeys.product));
    p.incr(cacheKeys.catalogVersion(indexPrefix));
    await p.exec();
  };
}
