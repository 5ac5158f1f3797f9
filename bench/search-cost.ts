import type { estypes } from '@elastic/elasticsearch';
import { cdcSql } from '../cdc/db.ts';
import { searchClient } from '../cdc/search/client.ts';
import { config } from '../config/index.ts';
import { buildSearchQuery, searchFilters, textQuery } from '../edge/search/build-query.ts';
import { createEs, type Es } from '../edge/search/es.ts';
import { runSearch } from '../edge/search/search.ts';
import { type SearchParams, SearchQuerySchema } from '../openapi/schemas/search.ts';
import { freePort } from '../test/support/servers.ts';
import { assertBenchSettings } from './isolation.ts';
import { startEntry } from './processes.ts';
import { writeBenchResult } from './results.ts';
import { ensureEvalIndex } from './search-eval/eval-index.ts';
import { loadJudgments } from './search-eval/judgments.ts';

// `npm run bench:search-cost`: what an uncached search costs Elasticsearch, in the query shape
// before issue 14 item 3 (the baseline below) and in the edge's own (edge/search/search.ts: the
// narrow search, the widened one only when the narrow one found too little, then a respelling
// search only when the answer wants one), against the same index (the
// whole catalog with the code's mappings, bench/search-eval/eval-index.ts) in the same run:
// CONNECTIONS concurrent searches for ROUND_S seconds per shape, the shapes alternating ROUNDS
// times, each search the judged queries' next one with a price_max above every price that no other
// search uses (nothing cached anywhere can answer it, as in bench:edge's (d) and (e)). Prints req/s
// and Elasticsearch's CPU per search (its own counter, for the whole node: other work on it counts
// too) for each shape and their ratios (goal ≥ 2×), then the edge on Node against ES straight at
// one connection, uncached, p50 (goal: edge ≤ 1.3 × ES + 2 ms). The load generator shares the
// machine's cores with Elasticsearch: its cost per search is the same for both shapes.
const CONNECTIONS = 16;
const ROUNDS = 3;
const ROUND_S = 5;
const LATENCY_SAMPLES = 200;

/**
 * The baseline: the body the edge sent before this change — every search widened to most of its
 * words, today's aggregations and collapse, plus an exact hit count on every search and the term
 * suggester run inside every search with text. Kept here only, to measure against.
 */
function previousShape(p: SearchParams): estypes.SearchRequest {
  const built = buildSearchQuery(p, null);
  if ('error' in built) throw new Error(built.error.message);
  const suggest = { did_you_mean: { text: p.query, term: { field: 'title', suggest_mode: 'missing' as const, min_word_length: 4, size: 1 } } };
  const query = { bool: { must: [textQuery(p.query, true)], filter: searchFilters(p) } };
  return { ...built.body, query, track_total_hits: true, ...(p.query === '' ? {} : { suggest }) };
}

type Shape = 'previous' | 'current';
type Tally = { requests: number; seconds: number; esCpuMs: number };

assertBenchSettings(config);
const queries = [...loadJudgments().map((q) => q.query), 'samsung galaxy', ''];
let priceMax = 1_000_000_000 + (Date.now() % 1_000_000) * 1000;
let next = 0;
/** The next search: a judged query in turn, with a price_max no other search of this run uses. */
const nextParams = (): SearchParams => SearchQuerySchema.parse({ query: queries[next++ % queries.length], size: '20', price_max: String(priceMax++) });

async function esCpuMs(): Promise<number> {
  const res = await fetch(`${config.ELASTICSEARCH_URL}/_nodes/_local/stats/process?filter_path=nodes.*.process.cpu.total_in_millis`);
  const body = (await res.json()) as { nodes: Record<string, { process: { cpu: { total_in_millis: number } } }> };
  return Object.values(body.nodes)[0]!.process.cpu.total_in_millis;
}

async function search(es: Es, alias: string, shape: Shape): Promise<void> {
  const p = nextParams();
  if (shape === 'previous') await es.search(alias, previousShape(p));
  else {
    const built = buildSearchQuery(p, null);
    if ('error' in built) throw new Error(built.error.message);
    await runSearch(es, alias, p, built);
  }
}

async function round(es: Es, alias: string, shape: Shape, tally: Tally): Promise<void> {
  const cpuBefore = await esCpuMs();
  const started = performance.now();
  const until = started + ROUND_S * 1000;
  let requests = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        await search(es, alias, shape);
        requests++;
      }
    }),
  );
  tally.seconds += (performance.now() - started) / 1000;
  tally.esCpuMs += (await esCpuMs()) - cpuBefore;
  tally.requests += requests;
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Uncached searches one at a time, edge and ES straight in turn: each one's p50 (ms). */
async function latencies(es: Es, alias: string, edgeUrl: string): Promise<{ edge: number; es: number }> {
  const edge: number[] = [];
  const straight: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const p = nextParams();
    let started = performance.now();
    const res = await fetch(`${edgeUrl}/products/search_item?${new URLSearchParams({ query: p.query, size: String(p.size), price_max: String(p.price_max) })}`);
    await res.arrayBuffer();
    if (!res.ok || res.headers.get('x-cache') === 'hit') throw new Error(`edge answered ${res.status}, x-cache ${res.headers.get('x-cache')}`);
    edge.push(performance.now() - started);
    started = performance.now();
    await search(es, alias, 'current');
    straight.push(performance.now() - started);
  }
  return { edge: p50(edge), es: p50(straight) };
}

const client = searchClient(config.ELASTICSEARCH_URL, { requestTimeoutMs: 120_000 });
const sql = cdcSql(config.databaseUrl, 2);
const { alias, built } = await ensureEvalIndex(client, sql, config.POSTGRES_DB).finally(() => sql.end({ timeout: 5 }));
await client.close();
console.log(`index ${alias} (${built ? 'built' : 'reused'}); ${queries.length} queries in turn, each with a price_max of its own`);
const es = createEs(config.ELASTICSEARCH_URL, 30_000);
const tallies: Record<Shape, Tally> = { previous: { requests: 0, seconds: 0, esCpuMs: 0 }, current: { requests: 0, seconds: 0, esCpuMs: 0 } };
for (const shape of ['previous', 'current'] as const) await round(es, alias, shape, { requests: 0, seconds: 0, esCpuMs: 0 });
for (let r = 0; r < ROUNDS; r++) for (const shape of ['previous', 'current'] as const) await round(es, alias, shape, tallies[shape]);

const rate = (t: Tally) => t.requests / t.seconds;
const cpuPerSearch = (t: Tally) => t.esCpuMs / t.requests;
for (const shape of ['previous', 'current'] as const) {
  const t = tallies[shape];
  console.log(
    `${shape.padEnd(8)} shape: ${rate(t).toFixed(0).padStart(5)} searches/s at ${CONNECTIONS} connections, Elasticsearch CPU ${cpuPerSearch(t).toFixed(2)} ms per search`,
  );
}
const throughput = rate(tallies.current) / rate(tallies.previous);
const cpu = cpuPerSearch(tallies.previous) / cpuPerSearch(tallies.current);
console.log(
  `current / previous: throughput ${throughput.toFixed(2)}×, by Elasticsearch CPU per search ${cpu.toFixed(2)}×   goal ≥ 2×   ${throughput >= 2 ? 'PASS' : 'MISS'}`,
);

const prefix = alias.replace(/-products$/, '');
const port = await freePort();
const edge = await startEntry(
  'search-cost-edge',
  'edge/node.ts',
  { EDGE_URL: `http://127.0.0.1:${port}`, SEARCH_INDEX_PREFIX: prefix, LOG_LEVEL: 'warn' },
  `http://127.0.0.1:${port}/health`,
);
let latency: { edge: number; es: number };
try {
  await latencies(es, alias, edge.url);
  latency = await latencies(es, alias, edge.url);
} finally {
  await edge.stop();
}
const limit = 1.3 * latency.es + 2;
console.log(
  `1 connection, uncached: edge p50 ${latency.edge.toFixed(1)} ms, Elasticsearch straight ${latency.es.toFixed(1)} ms; goal edge ≤ 1.3 × ES + 2 ms = ${limit.toFixed(1)} ms   ${latency.edge <= limit ? 'PASS' : 'MISS'}`,
);
writeBenchResult('search-cost', ['Elasticsearch (shared)', 'the load generator (this process)', 'edge on Node (its own process, for the latency only)'], {
  uncached_search_previous_req_per_s: { value: rate(tallies.previous), unit: 'req/s' },
  uncached_search_current_req_per_s: { value: rate(tallies.current), unit: 'req/s' },
  uncached_search_previous_es_cpu_ms: { value: cpuPerSearch(tallies.previous), unit: 'ms Elasticsearch CPU/search' },
  uncached_search_current_es_cpu_ms: { value: cpuPerSearch(tallies.current), unit: 'ms Elasticsearch CPU/search' },
  uncached_search_es_p50_ms_1conn: { value: latency.es, unit: 'ms' },
  uncached_search_edge_p50_ms_1conn: { value: latency.edge, unit: 'ms' },
});
