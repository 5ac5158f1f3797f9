import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchClient } from '../cdc/search/client.ts';
import { dropIndices } from '../cdc/search/indices.ts';
import { config } from '../config/index.ts';
import { testSql } from './cdc-harness.ts';
import { createEdge } from '../edge/app.ts';
import { freePort } from './support/servers.ts';
import { serviceLog } from './support/test-logs.ts';
import { loadCatalogSlice, seedProducts } from './support/seed-index.ts';
import { cacheKeys, type ProductDocument } from '../openapi/internal/read-model.ts';
import type { ProductDetail } from '../openapi/schemas/product.ts';

// Caching, HTTP validators and the fault paths of the edge, on a private index of Samsung
// products. Dead dependencies are simulated by pointing the app at unused ports, never by
// stopping the shared services.
const prefix = `edgetest-cache-${randomUUID().slice(0, 8)}`;
const es = searchClient(config.ELASTICSEARCH_URL);
const sql = testSql();
const redis = new Redis({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN });
const base = { ...config, SEARCH_INDEX_PREFIX: prefix, LOG_LEVEL: 'error' };
// the apps' log lines go to .test-logs/edge-cache-edge.log (shown when a test fails)
const inProcess = { runtime: 'node', logSink: serviceLog('edge').write } as const;
const app = createEdge(base, inProcess);
// Redis alone (the in-process level off): what it answers is what Redis holds.
const redisOnly = createEdge({ ...base, EDGE_L1_CACHE_TTL_MS: '0' }, inProcess);
let docs: ProductDocument[] = [];
let deadPort = 0;
let silentCore: Server;
let silentPort = 0;

/** Repeats until the background cache write has landed (or gives up and returns the last). */
async function untilHit(a: typeof app, url: string): Promise<Response> {
  let res = await a.request(url);
  for (let i = 0; i < 40 && res.headers.get('x-cache') !== 'HIT'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    res = await a.request(url);
  }
  return res;
}

beforeAll(async () => {
  docs = await loadCatalogSlice(sql, ['samsung'], 0);
  await seedProducts(es, prefix, docs);
  deadPort = await freePort();
  // Accepts connections and never answers: core "hanging".
  silentCore = createServer(() => {});
  await new Promise<void>((r) => silentCore.listen(0, '127.0.0.1', () => r()));
  silentPort = (silentCore.address() as { port: number }).port;
});

afterAll(async () => {
  await Promise.all(docs.map((d) => redis.del(cacheKeys.product(prefix, d.id))));
  await dropIndices(es, prefix);
  await es.close();
  await sql.end();
  silentCore.close();
});

describe('edge cache', () => {
  it('a repeated search is a HIT with the same body, ETag and Cache-Control', async () => {
    const url = `/products/search_item?query=samsung+${randomUUID().slice(0, 6)}&size=5`;
    const first = await app.request(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
    const again = await untilHit(app, url);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await again.text()).toBe(await first.text());
  });

  it('answers 304 to a matching If-None-Match, from cache and from Elasticsearch alike', async () => {
    const url = `/products/search_item?query=galaxy&size=3&page=${1 + Math.floor(Math.random() * 5)}`;
    const first = await app.request(url, { headers: { 'x-request-id': 'edge-cache-test-1' } });
    expect(first.headers.get('x-request-id')).toBe('edge-cache-test-1');
    const etag = first.headers.get('etag')!;
    const notModified = await app.request(url, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect((await app.request(url, { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200);
  });

  it('product pages are cached in the product hash and retired by the indexer’s DEL', async () => {
    const doc = docs.find((d) => d.price !== null)!;
    const url = `/products/${doc.id}`;
    await redis.del(cacheKeys.product(prefix, doc.id));
    const first = await redisOnly.request(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(((await first.json()) as ProductDetail).price?.amount).toBe(doc.price);
    const hit = await untilHit(redisOnly, url);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('x-cache-level')).toBe('redis');

    // What the CDC indexer does on a price change: new document, then DEL of the hash.
    const newPrice = doc.price! + 100;
    await es.update({ index: `${prefix}-products`, id: doc.id, doc: { price: newPrice }, refresh: 'wait_for' });
    expect(((await (await redisOnly.request(url)).json()) as ProductDetail).price?.amount).toBe(doc.price);
    await redis.del(cacheKeys.product(prefix, doc.id));
    const fresh = await redisOnly.request(url);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(((await fresh.json()) as ProductDetail).price?.amount).toBe(newPrice);
  });

  it('the in-process level serves repeats itself and stops serving a DEL-retired page after its TTL', async () => {
    const ttlMs = 300;
    const tiered = createEdge({ ...base, EDGE_L1_CACHE_TTL_MS: String(ttlMs) }, inProcess);
    const doc = docs.filter((d) => d.price !== null)[1]!;
    const url = `/products/${doc.id}`;
    await redis.del(cacheKeys.product(prefix, doc.id));
    const first = await tiered.request(url);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const again = await tiered.request(url);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(again.headers.get('x-cache-level')).toBe('memory');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await again.text()).toBe(await first.text());

    const newPrice = doc.price! + 100;
    await es.update({ index: `${prefix}-products`, id: doc.id, doc: { price: newPrice }, refresh: 'wait_for' });
    await redis.del(cacheKeys.product(prefix, doc.id));
    await new Promise((r) => setTimeout(r, ttlMs + 50));
    const fresh = await tiered.request(url);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(((await fresh.json()) as ProductDetail).price?.amount).toBe(newPrice);
  });

  it('an unknown product is 404 problem+json', async () => {
    const res = await app.request('/products/no-such-product-0000');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('edge faults', () => {
  it('Redis unreachable: reads still answer 200 from Elasticsearch', async () => {
    const noRedis = createEdge({ ...base, UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${deadPort}` }, inProcess);
    const search = await noRedis.request('/products/search_item?query=samsung&size=2');
    expect(search.status).toBe(200);
    expect(search.headers.get('x-cache')).toBe('MISS');
    const product = await noRedis.request(`/products/${docs[0]!.id}`);
    expect(product.status).toBe(200);
  });

  it('Elasticsearch unreachable: cached entries still answer 200, others 503 problem+json with Retry-After', async () => {
    const url = `/products/search_item?query=samsung+tv&size=4`;
    await untilHit(redisOnly, url);
    const noEs = createEdge({ ...base, ELASTICSEARCH_URL: `http://127.0.0.1:${deadPort}` }, inProcess);
    const cached = await noEs.request(url);
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    for (const path of [`/products/search_item?query=${randomUUID()}`, `/products/${randomUUID()}`, '/products/suggest?q=zzq']) {
      const res = await noEs.request(path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });
});

describe('edge forwarding guards', () => {
  const write = (a: ReturnType<typeof createEdge>, body: string, headers: Record<string, string> = {}) =>
    a.request('/cart/add_products', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  it('core unreachable → 503 problem+json; core silent → 504 problem+json', async () => {
    const down = createEdge({ ...base, CORE_URL: `http://127.0.0.1:${deadPort}` }, { ...inProcess, rateLimitPrefix: `rl-test:${randomUUID()}` });
    const refused = await write(down, '{"items":[]}');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const silent = createEdge(
      { ...base, CORE_URL: `http://127.0.0.1:${silentPort}`, EDGE_CORE_TIMEOUT_MS: '300' },
      { ...inProcess, rateLimitPrefix: `rl-test:${randomUUID()}` },
    );
    const timedOut = await write(silent, '{"items":[]}');
    expect(timedOut.status).toBe(504);
    expect(((await timedOut.json()) as { type: string }).type).toMatch(/core-timeout$/);
  });

  it('writes beyond the per-IP limit → 429 problem+json with RateLimit-* and Retry-After', async () => {
    const limited = createEdge(
      { ...base, CORE_URL: `http://127.0.0.1:${deadPort}`, EDGE_RATE_LIMIT_IP_WRITES_PER_MINUTE: '2' },
      { ...inProcess, rateLimitPrefix: `rl-test:${randomUUID()}` },
    );
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await write(limited, '{"items":[]}');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([503, 503, 429]);
    expect(last!.headers.get('content-type')).toBe('application/problem+json');
    expect(last!.headers.get('ratelimit-limit')).toBe('2');
    expect(last!.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(0);
  });

  it('a forged or malformed bearer token is 401 at the edge; a protected route without one too', async () => {
    const a = createEdge({ ...base, CORE_URL: `http://127.0.0.1:${deadPort}` }, { ...inProcess, rateLimitPrefix: `rl-test:${randomUUID()}` });
    for (const authorization of ['Bearer not.a.jwt', 'Basic abc']) {
      const res = await write(a, '{"items":[]}', { authorization });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await a.request('/order_status?order_id=x')).status).toBe(401);
  });

  it('bodies above the limit → 413 problem+json', async () => {
    const res = await write(app, JSON.stringify({ items: [], pad: 'x'.repeat(config.EDGE_BODY_LIMIT_BYTES + 1) }));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
