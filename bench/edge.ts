import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { searchClient } from '../cdc/search/client.ts';
import { dropIndices } from '../cdc/search/indices.ts';
import { allProducts } from '../cdc/search/load.ts';
import { config } from '../config/index.ts';
import { connect } from '../core/db/connect.ts';
import { buildSearchQuery } from '../edge/search/build-query.ts';
import { freePort, startEntry, type Running } from '../edge/testing/servers.ts';
import { seedProducts } from '../edge/testing/seed-index.ts';
import { indexAliases } from '../openapi/internal/read-model.ts';
import { SearchQuerySchema } from '../openapi/schemas/search.ts';

// `npm run bench:edge`: autocannon (64 connections, in this process) against the edge on Node
// (a child process): (a) a bare Hono route returning fixed JSON — the ceiling, (b) a cached
// product page, (c) a cached search, (d) an uncached search, (e) the same query straight to
// Elasticsearch. Prints rps, p50/p99 and the ratios b/a, c/a and d/e (p50).
type Result = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string; setupRequest?: (r: Request) => Request };
const autocannon = createRequire(import.meta.url)('autocannon') as (o: { url: string; connections: number; duration: number; requests?: Request[] }) => Promise<Result>;

const CONNECTIONS = 64;
const DURATION_S = 8;

if (process.argv[2] === '--ceiling') {
  // The ceiling server: bare Hono, fixed JSON, same @hono/node-server as the edge.
  const app = new Hono().get('/fixed', (c) => c.json({ id: 'c2d766ca982eca8304150849735ffef9', title: 'Fixed', price: { amount: 37900, currency: 'INR' } }));
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.argv[3]) });
} else {
  await main();
}

async function run(name: string, url: string, requests?: Request[]): Promise<Result> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  console.log(`${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`);
  return r;
}

async function ensureIndex(): Promise<{ prefix: string; cleanup: () => Promise<void> }> {
  const es = searchClient(config.ELASTICSEARCH_URL);
  const shared = await es.count({ index: indexAliases(config.SEARCH_INDEX_PREFIX).products }, { ignore: [404] });
  if ((shared.count ?? 0) >= 1000) return { prefix: config.SEARCH_INDEX_PREFIX, cleanup: () => es.close() };
  // No read model yet (the indexer has not run): build a private one from the catalog.
  const prefix = `bench-edge-${randomUUID().slice(0, 8)}`;
  const sql = connect(config, { max: 2 });
  const docs = [];
  for await (const page of allProducts(sql)) docs.push(...page);
  await sql.end();
  await seedProducts(es, prefix, docs);
  console.log(`seeded ${docs.length} products into ${prefix}`);
  return { prefix, cleanup: async () => { await dropIndices(es, prefix); await es.close(); } };
}

async function main(): Promise<void> {
  const { prefix, cleanup } = await ensureIndex();
  const procs: Running[] = [];
  try {
    const edgePort = await freePort();
    const edgeUrl = `http://127.0.0.1:${edgePort}`;
    procs.push(await startEntry('edge/node.ts', { EDGE_URL: edgeUrl, SEARCH_INDEX_PREFIX: prefix, LOG_LEVEL: 'error' }, `${edgeUrl}/health`));
    const ceilingPort = await freePort();
    const ceiling = spawn(process.execPath, [fileURLToPath(import.meta.url), '--ceiling', String(ceilingPort)], { stdio: 'inherit' });
    procs.push({ url: '', stop: async () => void ceiling.kill('SIGTERM') });
    await new Promise((r) => setTimeout(r, 1000));

    const search = await (await fetch(`${edgeUrl}/products/search_item?query=samsung&size=20`)).json() as { items: { id: string }[] };
    const productId = search.items[0]!.id;
    await fetch(`${edgeUrl}/products/${productId}`);
    await new Promise((r) => setTimeout(r, 200));

    const a = await run('(a) bare Hono fixed JSON', `http://127.0.0.1:${ceilingPort}/fixed`);
    const b = await run('(b) cached product page', `${edgeUrl}/products/${productId}`);
    const c = await run('(c) cached search', `${edgeUrl}/products/search_item?query=samsung&size=20`);
    // A price_max above every price keeps the Elasticsearch work identical and the cache key new.
    let n = 0;
    const bump = (r: Request): Request => ({ ...r, path: `/products/search_item?query=samsung+galaxy&size=20&price_max=${1_000_000_000 + n++}` });
    const d = await run('(d) uncached search (edge)', edgeUrl, [{ path: '/', setupRequest: bump }]);
    const esBody = (i: number) => {
      const built = buildSearchQuery(SearchQuerySchema.parse({ query: 'samsung galaxy', size: '20', price_max: String(1_000_000_000 + i) }), null);
      if ('error' in built) throw new Error(built.error.message);
      return JSON.stringify(built.body);
    };
    let m = 0;
    const e = await run('(e) same query, straight ES', config.ELASTICSEARCH_URL, [
      { method: 'POST', path: `/${indexAliases(prefix).products}/_search`, headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: esBody(m++) }) },
    ]);

    console.log('');
    console.log(`b/a throughput ${(b.requests.average / a.requests.average).toFixed(2)}   (goal ≥ 0.7)`);
    console.log(`c/a throughput ${(c.requests.average / a.requests.average).toFixed(2)}   (goal ≥ 0.7)`);
    console.log(`d/e p50 latency ${(d.latency.p50 / Math.max(e.latency.p50, 0.001)).toFixed(2)}   (goal: d.p50 ≤ 1.3 × e.p50 + 2 ms → ${d.latency.p50 <= 1.3 * e.latency.p50 + 2 ? 'met' : 'not met'})`);
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await cleanup();
  }
}
