import { randomBytes } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteProjection } from '../cdc/indexer/cache.ts';
import { config } from '../config/index.ts';
import { cacheKeys, stockKeys } from '../openapi/internal/read-model.ts';

// Tests and benches run pipelines under index prefixes of their own; tearing one down must take
// its Redis keys too (a checkout bench left ~27,000 stock hashes per run) and nothing of another.
const redis = new Redis({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN });
const prefix = `teardown-${randomBytes(3).toString('hex')}`;
const neighbour = `${prefix}x`;

afterAll(async () => {
  await deleteProjection(config.UPSTASH_REDIS_REST_URL, config.UPSTASH_REDIS_REST_TOKEN, neighbour);
});

describe('deleteProjection', () => {
  it("deletes every key named by the prefix, through the bridge that refuses SCAN, and leaves a neighbour's", async () => {
    const ids = Array.from({ length: 2500 }, (_, i) => `p${i}`);
    const p = redis.pipeline();
    for (const id of ids) p.hset(stockKeys.product(prefix, id), { available: 1, lsn: 1 });
    p.hset(cacheKeys.product(prefix, 'p1'), { page: '{}' });
    p.set(stockKeys.seeded(prefix), 'yes');
    p.set(cacheKeys.catalogVersion(prefix), 3);
    p.hset(stockKeys.product(neighbour, 'p1'), { available: 1, lsn: 1 });
    p.set(cacheKeys.catalogVersion(neighbour), 1);
    await p.exec();

    expect(await deleteProjection(config.UPSTASH_REDIS_REST_URL, config.UPSTASH_REDIS_REST_TOKEN, prefix)).toBe(ids.length + 3);
    expect(
      await redis.exists(stockKeys.product(prefix, 'p0'), stockKeys.product(prefix, 'p2499'), stockKeys.seeded(prefix), cacheKeys.catalogVersion(prefix)),
    ).toBe(0);
    expect(await redis.exists(stockKeys.product(neighbour, 'p1'), cacheKeys.catalogVersion(neighbour))).toBe(2);
    expect(await deleteProjection(config.UPSTASH_REDIS_REST_URL, config.UPSTASH_REDIS_REST_TOKEN, prefix)).toBe(0);
  });
});
