import type { Redis } from '@upstash/redis';
import { STOCK_AVAILABLE_FIELD, stockKeys } from '../../openapi/internal/read-model.ts';
import type { Logger } from '../log.ts';

// The units a product page shows, from the stock projection the indexer keeps in Redis (the
// search document carries only in_stock). Read when the page is loaded into the cache; the
// indexer retires the cached page whenever the units change, so a page never outlives them.
export type LiveStock = (productId: string) => Promise<number>;

export function createLiveStock(redis: Redis, opts: { indexPrefix: string; timeoutMs: number; log: Logger }): LiveStock {
  return async (productId) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const raw = await Promise.race([
        redis.hget<string>(stockKeys.product(opts.indexPrefix, productId), STOCK_AVAILABLE_FIELD),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`redis did not answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
        }),
      ]);
      return unitsOf(raw);
    } catch (e) {
      // Unknown units are shown as none: a page may under-promise, never sell what is gone.
      opts.log.warn('live stock unavailable; showing none', { product_id: productId, error: (e as Error).message });
      return 0;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A product without an inventory row has no stock value: nothing to buy. */
export function unitsOf(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : 0;
}
