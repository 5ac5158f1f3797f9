import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { searchClient } from '../cdc/search/client.ts';
import { dropIndices } from '../cdc/search/indices.ts';
import { allProducts } from '../cdc/search/load.ts';
import { childEnv, config, repoRoot } from '../config/index.ts';
import { connect } from '../core/db/connect.ts';
import { buildSearchQuery } from '../edge/search/build-query.ts';
import { freePort } from '../test/support/servers.ts';
import { seedProducts } from '../test/support/seed-index.ts';
import { indexAliases } from '../openapi/internal/read-model.ts';
import { SearchQuerySchema } from '../openapi/schemas/search.ts';
import { type CpuProfile, selfTimes } from './cpu-profile.ts';
import { assertBenchSettings } from './isolation.ts';
import { writeBenchResult } from './results.ts';

// `npm run bench:edge`: 64 connections (autocannon, in a process of its own) against the edge on
// Node (a child process, logging at info into a file): (a) a bare Hono route returning fixed JSON
// — the ceiling, measured before and after the cached cases and averaged, (b) a cached product
// page, (c) a cached search (each followed by bare Hono replaying its exact bytes: what the wire
// and the load generator alone cost), then, once Elasticsearch is idle, (e) an uncached search sent
// straight to Elasticsearch and (d) the same kind of search through the edge, then both again at
// one connection (the edge's own latency, without competing with Elasticsearch for the two cores).
// (f) is the shop's page of (b)'s product as HTML, cached. Each case is warmed up first. Prints
// req/s, p50/p99, non-2xx, the servers' CPU per request and the ratios b/a, c/a, f/b and d/e (p50,
// at one connection) against the goals.
type Result = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number };
/** A measured case: the load generator's result and the server's CPU time per request (µs), where /proc tells it. */
type Measured = Result & { cpuUsPerRequest: number | null };
type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string; setupRequest?: (r: Request) => Request };
type Replay = { headers: Record<string, string>; body: string };
type AutocannonOptions = { url: string; connections: number; duration: number; timeout: number; requests?: Request[] };
type Load = { kind: 'get'; url: string } | { kind: 'edge-uncached' | 'es-uncached'; url: string; alias: string; firstPriceMax: number; connections?: number };

const CONNECTIONS = 64;
const WARMUP_S = 2;
const DURATION_S = 8;
const TIMEOUT_S = 10;
const SEARCH = { query: 'samsung galaxy', size: '20' };

assertBenchSettings(config);
const mode = process.argv[2];
if (mode === '--ceiling') {
  // The ceiling: bare Hono, fixed JSON, the same @hono/node-server as the edge. Also, to tell the
  // edge's own cost from that of the bytes on the wire: the very bytes (headers and body) of the
  // edge's cached answers, replayed without any work.
  const replays = JSON.parse(readFileSync(process.argv[4]!, 'utf8')) as Record<string, Replay>;
  const app = new Hono().get('/fixed', (c) => c.json({ id: 'c2d766ca982eca8304150849735ffef9', title: 'Fixed', price: { amount: 37900, currency: 'INR' } }));
  for (const [name, r] of Object.entries(replays)) app.get(`/replay/${name}`, () => new Response(r.body, { headers: r.headers }));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.argv[3]) });
  // Exiting, not killed, so that a profiler (--cpu-prof) writes its profile.
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else if (mode === '--load') {
  const [load, duration] = [JSON.parse(process.argv[3]!) as Load, Number(process.argv[4])];
  process.stdout.write(JSON.stringify(await generateLoad(load, duration)));
} else if (mode === '--cpu-prof') {
  await profile(process.argv[3] ?? join(tmpdir(), 'bench-edge-prof'));
} else {
  await main();
}

/** One uncached search: a price_max above every price keeps the ES work the same and the cache key new. */
function uncachedParams(priceMax: number) {
  return { ...SEARCH, price_max: String(priceMax) };
}

function esBody(priceMax: number): string {
  const built = buildSearchQuery(SearchQuerySchema.parse(uncachedParams(priceMax)), null);
  if ('error' in built) throw new Error(built.error.message);
  return JSON.stringify(built.body);
}

function generateLoad(load: Load, duration: number): Promise<Result> {
  const autocannon = createRequire(import.meta.url)('autocannon') as (o: AutocannonOptions) => Promise<Result>;
  const base = { connections: ('connections' in load && load.connections) || CONNECTIONS, duration, timeout: TIMEOUT_S };
  if (load.kind === 'get') return autocannon({ ...base, url: load.url });
  let n = load.firstPriceMax;
  const next: Request =
    load.kind === 'edge-uncached'
      ? { path: '/', setupRequest: (r) => ({ ...r, path: `/products/search_item?${new URLSearchParams(uncachedParams(n++))}` }) }
      : // The very body the edge sends for that request (edge/search/es.ts posts it to the alias): SEARCH has enough listings with both words not to widen.
        { method: 'POST', path: `/${load.alias}/_search`, headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: esBody(n++) }) };
  return autocannon({ ...base, url: load.url, requests: [next] });
}

/** CPU seconds (user + system) a process has used so far; null where /proc is not there. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name) are utime and stime in USER_HZ (100/s).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Runs `load` in a child process (warm-up, then the measured run) so the generator has a core of
 * its own. With the server's pid it also reports the server's CPU time per request: on a machine
 * this small the load generator and the server share two cores, so req/s swings from run to run
 * while CPU per request holds steady.
 */
async function measure(name: string, load: Load, serverPid?: number): Promise<Measured> {
  const run = (seconds: number, l: Load) =>
    new Promise<Result>((resolve, reject) => {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--load', JSON.stringify(l), String(seconds)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`load generator for ${name} exited with ${code}`))));
    });
  // Warm-up values of price_max never repeat in the measured run.
  await run(WARMUP_S, 'firstPriceMax' in load ? { ...load, firstPriceMax: load.firstPriceMax + 50_000_000 } : load);
  const cpuBefore = cpuSeconds(serverPid);
  const r = await run(DURATION_S, load);
  const cpuAfter = cpuSeconds(serverPid);
  const cpuUsPerRequest = cpuBefore === null || cpuAfter === null || r.requests.total === 0 ? null : ((cpuAfter - cpuBefore) * 1e6) / r.requests.total;
  const bad = r.non2xx + r.errors + r.timeouts;
  console.log(
    `${name.padEnd(30)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   ${cpuUsPerRequest === null ? '' : `server CPU ${cpuUsPerRequest.toFixed(1).padStart(5)} µs/req   `}non-2xx ${r.non2xx}   errors ${r.errors}   timeouts ${r.timeouts}${bad ? '   <-- failures' : ''}`,
  );
  return { ...r, cpuUsPerRequest };
}

/** Waits (at most 30 s) until Elasticsearch has no search running or queued. */
async function esIdle(): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const stats = (await (await fetch(`${config.ELASTICSEARCH_URL}/_nodes/stats/thread_pool?filter_path=nodes.*.thread_pool.search`)).json()) as {
      nodes: Record<string, { thread_pool: { search: { active: number; queue: number } } }>;
    };
    if (Object.values(stats.nodes).every((n) => n.thread_pool.search.active === 0 && n.thread_pool.search.queue === 0)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log('(Elasticsearch still busy after 30 s; measuring anyway)');
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
  return {
    prefix,
    cleanup: async () => {
      await dropIndices(es, prefix);
      await es.close();
    },
  };
}

async function startServer(args: string[], settings: Record<string, string>, health: string, logFile: string): Promise<ChildProcess> {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: childEnv(settings), stdio: ['ignore', log, log] });
  closeSync(log);
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}; see ${logFile}`);
    if (
      await fetch(health, { signal: AbortSignal.timeout(1000) }).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`${health} not healthy within 60 s; see ${logFile}`);
}

/**
 * `npm run bench:edge -- --cpu-prof [dir]`: each cached case, then bare Hono replaying its bytes,
 * against a server of its own running under V8's profiler (warm-up included), each followed by
 * the functions with the most self time in µs per request: the profiler's figures, not /proc's,
 * to see where the time goes and what the wire alone costs.
 */
async function profile(dir: string): Promise<void> {
  const { prefix, cleanup } = await ensureIndex();
  const logFile = join(tmpdir(), `bench-edge-${process.pid}.log`);
  const replayFile = join(tmpdir(), `bench-edge-${process.pid}-replays.json`);
  const profiled = async (name: string, args: string[], settings: Record<string, string>, health: string, path: () => Promise<string>) => {
    const file = `${name}.cpuprofile`;
    const server = await startServer(['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${file}`, ...args], settings, health, logFile);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    try {
      const r = await measure(`${name} (profiled)`, { kind: 'get', url: `${new URL(health).origin}${await path()}` }, server.pid);
      server.kill('SIGTERM');
      await exited;
      // Warm-up and measured run both ran under the profiler.
      const requests = r.requests.total * ((WARMUP_S + DURATION_S) / DURATION_S);
      for (const { fn, us } of selfTimes(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, 20))
        console.log(`  ${(us / requests).toFixed(2).padStart(7)} µs/req  ${fn}`);
    } finally {
      server.kill('SIGTERM');
    }
  };
  try {
    const [edgePort, ceilingPort] = [await freePort(), await freePort()];
    const edgeUrl = `http://127.0.0.1:${edgePort}`;
    const settings = { EDGE_URL: edgeUrl, SEARCH_INDEX_PREFIX: prefix, LOG_LEVEL: 'info' };
    const searchPath = `/products/search_item?${new URLSearchParams(SEARCH)}`;
    let productId = '';
    const replays: Record<string, Replay> = {};
    for (const [name, path] of [
      ['search', () => searchPath],
      ['product', () => `/products/${productId}`],
      ['page-html', () => `/shop/product/${productId}`],
    ] as const) {
      await profiled(`edge-${name}`, [join(repoRoot, 'edge/node.ts')], settings, `${edgeUrl}/health`, async () => {
        replays[name] = await replayOf(await fetch(`${edgeUrl}${path()}`));
        if (name === 'search') productId = (JSON.parse(replays[name].body) as { items: { id: string }[] }).items[0]!.id;
        return path();
      });
      writeFileSync(replayFile, JSON.stringify(replays));
      const ceiling = [fileURLToPath(import.meta.url), '--ceiling', String(ceilingPort), replayFile];
      await profiled(`replay-${name}`, ceiling, {}, `http://127.0.0.1:${ceilingPort}/fixed`, async () => `/replay/${name}`);
    }
    console.log(`profiles in ${dir} (open in Chrome DevTools or speedscope)`);
  } finally {
    rmSync(replayFile, { force: true });
    await cleanup();
  }
}

/** What bare Hono replays of an answer: its body and headers, less those the server writes itself. */
async function replayOf(res: Response): Promise<Replay> {
  const headers = Object.fromEntries(
    [...res.headers].filter(([k]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k)),
  );
  return { headers, body: await res.text() };
}

function verdict(met: boolean): string {
  return met ? 'PASS' : 'MISS';
}

async function main(): Promise<void> {
  const { prefix, cleanup } = await ensureIndex();
  const children: ChildProcess[] = [];
  const logFile = join(tmpdir(), `bench-edge-${process.pid}.log`);
  try {
    const [edgePort, ceilingPort] = [await freePort(), await freePort()];
    const edgeUrl = `http://127.0.0.1:${edgePort}`;
    const ceilingUrl = `http://127.0.0.1:${ceilingPort}`;
    children.push(
      await startServer([join(repoRoot, 'edge/node.ts')], { EDGE_URL: edgeUrl, SEARCH_INDEX_PREFIX: prefix, LOG_LEVEL: 'info' }, `${edgeUrl}/health`, logFile),
    );

    const searchPath = `/products/search_item?${new URLSearchParams(SEARCH)}`;
    const found = (await (await fetch(`${edgeUrl}${searchPath}`)).json()) as { items: { id: string }[] };
    const productPath = `/products/${found.items[0]!.id}`;
    const replays: Record<string, Replay> = {};
    for (const [name, path] of [
      ['product', productPath],
      ['search', searchPath],
    ] as const) {
      const res = await fetch(`${edgeUrl}${path}`);
      replays[name] = await replayOf(res);
      console.log(
        `${path}: ${res.headers.get('x-cache')} ${res.headers.get('x-cache-level') ?? ''}, ${replays[name].body.length} bytes of JSON, ${Object.keys(replays[name].headers).length} headers`,
      );
    }
    const replayFile = join(tmpdir(), `bench-edge-${process.pid}-replays.json`);
    writeFileSync(replayFile, JSON.stringify(replays));
    children.push(await startServer([fileURLToPath(import.meta.url), '--ceiling', String(ceilingPort), replayFile], {}, `${ceilingUrl}/fixed`, logFile));
    console.log(`edge on Node at ${edgeUrl} (access log: ${logFile}), ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per case`);

    const [edgePid, ceilingPid] = [children[0]!.pid, children[1]!.pid];
    const a1 = await measure('(a) bare Hono fixed JSON', { kind: 'get', url: `${ceilingUrl}/fixed` }, ceilingPid);
    const b = await measure('(b) cached product page', { kind: 'get', url: `${edgeUrl}${productPath}` }, edgePid);
    const bBytes = await measure("    bare Hono, (b)'s bytes", { kind: 'get', url: `${ceilingUrl}/replay/product` }, ceilingPid);
    const pagePath = `/shop/product/${found.items[0]!.id}`;
    await (await fetch(`${edgeUrl}${pagePath}`)).text();
    const f = await measure('(f) cached product page as HTML (the shop)', { kind: 'get', url: `${edgeUrl}${pagePath}` }, edgePid);
    const c = await measure('(c) cached search', { kind: 'get', url: `${edgeUrl}${searchPath}` }, edgePid);
    const cBytes = await measure("    bare Hono, (c)'s bytes", { kind: 'get', url: `${ceilingUrl}/replay/search` }, ceilingPid);
    const a2 = await measure('(a) bare Hono fixed JSON, again', { kind: 'get', url: `${ceilingUrl}/fixed` }, ceilingPid);
    const uncached = { alias: indexAliases(prefix).products, firstPriceMax: 1_000_000_000 + (Date.now() % 1_000_000) * 100 };
    await esIdle();
    const e = await measure('(e) uncached search, straight ES', { kind: 'es-uncached', url: config.ELASTICSEARCH_URL, ...uncached });
    await esIdle();
    const d = await measure('(d) uncached search, edge', {
      kind: 'edge-uncached',
      url: edgeUrl,
      ...uncached,
      firstPriceMax: uncached.firstPriceMax + 10_000_000,
    });
    await esIdle();
    // The same two at one connection: the latency the edge adds when it does not compete with
    // Elasticsearch for this machine's two cores (on Workers it never does).
    const e1 = await measure('    (e) at 1 connection', {
      kind: 'es-uncached',
      url: config.ELASTICSEARCH_URL,
      ...uncached,
      firstPriceMax: uncached.firstPriceMax + 20_000_000,
      connections: 1,
    });
    const d1 = await measure('    (d) at 1 connection', {
      kind: 'edge-uncached',
      url: edgeUrl,
      ...uncached,
      firstPriceMax: uncached.firstPriceMax + 30_000_000,
      connections: 1,
    });

    const ceiling = (a1.requests.average + a2.requests.average) / 2;
    const ba = b.requests.average / ceiling;
    const ca = c.requests.average / ceiling;
    const dLimit = 1.3 * e1.latency.p50 + 2;
    const clean = (r: Result) => r.non2xx + r.errors + r.timeouts === 0;
    console.log('');
    console.log(`ceiling (a) = mean of the two runs: ${ceiling.toFixed(0)} req/s`);
    console.log(
      `b/a throughput ${ba.toFixed(2)}   goal ≥ 0.70   ${verdict(ba >= 0.7 && clean(b))}   (edge vs the same bytes replayed: ${(b.requests.average / bBytes.requests.average).toFixed(2)})`,
    );
    console.log(
      `c/a throughput ${ca.toFixed(2)}   goal ≥ 0.70   ${verdict(ca >= 0.7 && clean(c))}   (edge vs the same bytes replayed: ${(c.requests.average / cBytes.requests.average).toFixed(2)})`,
    );
    const fb = f.requests.average / b.requests.average;
    console.log(`f/b throughput ${fb.toFixed(2)}   goal ≥ 0.70   ${verdict(fb >= 0.7 && clean(f))}   (the shop's product page as HTML vs its JSON, same run)`);
    const cpuA = [a1.cpuUsPerRequest, a2.cpuUsPerRequest];
    if (cpuA.every((x) => x !== null) && [b, bBytes, c, cBytes].every((r) => r.cpuUsPerRequest !== null)) {
      const perRequestA = (cpuA[0]! + cpuA[1]!) / 2;
      const byCpu = (r: Measured) => (perRequestA / r.cpuUsPerRequest!).toFixed(2);
      console.log(
        `by server CPU per request (what the ratios would be with a core per process): b/a ${byCpu(b)} (the bytes alone ${byCpu(bBytes)}), c/a ${byCpu(c)} (the bytes alone ${byCpu(cBytes)})`,
      );
      // Issue 14's measure: the edge's CPU per request against bare Hono sending the very same bytes.
      const vsBytes = (edge: Measured, bytes: Measured) => bytes.cpuUsPerRequest! / edge.cpuUsPerRequest!;
      const [bb, cb] = [vsBytes(b, bBytes), vsBytes(c, cBytes)];
      console.log(
        `by server CPU against bare Hono replaying the same bytes: (b) ${bb.toFixed(2)}   (c) ${cb.toFixed(2)}   goal ≥ 0.85   ${verdict(bb >= 0.85 && cb >= 0.85)}`,
      );
    }
    // Issue 14's goal is at one connection, where the edge does not compete with Elasticsearch for
    // the two cores; at 64 connections the ratio is reported without one.
    console.log(
      `d/e p50 latency at 1 connection ${(d1.latency.p50 / Math.max(e1.latency.p50, 0.001)).toFixed(2)}   goal: d.p50 ${d1.latency.p50} ms ≤ 1.3 × e.p50 + 2 ms = ${dLimit.toFixed(1)} ms   ${verdict(d1.latency.p50 <= dLimit && clean(d1) && clean(e1))}`,
    );
    console.log(
      `d/e p50 latency at ${CONNECTIONS} connections ${(d.latency.p50 / Math.max(e.latency.p50, 0.001)).toFixed(2)} (${d.latency.p50} vs ${e.latency.p50} ms; no goal)`,
    );
    const cpuUs: Record<string, number | null> = {
      ceiling_cpu_us: a1.cpuUsPerRequest !== null && a2.cpuUsPerRequest !== null ? (a1.cpuUsPerRequest + a2.cpuUsPerRequest) / 2 : null,
      cached_product_cpu_us: b.cpuUsPerRequest,
      cached_search_cpu_us: c.cpuUsPerRequest,
      cached_page_html_cpu_us: f.cpuUsPerRequest,
    };
    writeBenchResult('edge', ['edge on Node (its own process)', 'bare Hono ceiling (its own process)', 'autocannon (its own process)'], {
      ceiling_req_per_s: { value: ceiling, unit: 'req/s' },
      ...Object.fromEntries(Object.entries(cpuUs).flatMap(([k, v]) => (v === null ? [] : [[k, { value: v, unit: 'µs server CPU/request' }]]))),
      cached_product_req_per_s: { value: b.requests.average, unit: 'req/s' },
      cached_search_req_per_s: { value: c.requests.average, unit: 'req/s' },
      uncached_search_es_req_per_s: { value: e.requests.average, unit: 'req/s' },
      uncached_search_es_p50_ms_1conn: { value: e1.latency.p50, unit: 'ms' },
      uncached_search_edge_p50_ms_1conn: { value: d1.latency.p50, unit: 'ms' },
    });
  } finally {
    for (const child of children.reverse()) child.kill('SIGTERM');
    rmSync(join(tmpdir(), `bench-edge-${process.pid}-replays.json`), { force: true });
    await cleanup();
  }
}
