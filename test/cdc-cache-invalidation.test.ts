import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { config } from '../config/index.ts';
import { cacheKeys } from '../openapi/internal/read-model.ts';
import { indexerRedis } from '../cdc/indexer/cache.ts';

// The race a single delete loses: a reader that loaded the old document stores it right after
// the indexer's delete. The second, delayed invalidation must retire that copy as well.
const redis = new Redis({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN });
const prefix = `inval-${randomUUID().slice(0, 8)}`;
const cache = indexerRedis(config.UPSTASH_REDIS_REST_URL, config.UPSTASH_REDIS_REST_TOKEN, prefix, 300);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
afterAll(() => cache.close());

describe('indexer cache invalidation', () => {
  it('deletes product entries and bumps the catalog version, then does it again after a late write', async () => {
    const key = cacheKeys.product(prefix, `${prefix}-p1`);
    await redis.hset(key, { page: 'old' });
    await cache.invalidate([`${prefix}-p1`]);
    expect(await redis.exists(key)).toBe(0);
    expect(Number(await redis.get(cacheKeys.catalogVersion(prefix)))).toBe(1);

    await redis.hset(key, { page: 'old, stored late by a reader that missed before the change' });
    await sleep(600);
    expect(await redis.exists(key)).toBe(0);
    expect(Number(await redis.get(cacheKeys.catalogVersion(prefix)))).toBe(2);
    await redis.del(cacheKeys.catalogVersion(prefix));
  });
});
