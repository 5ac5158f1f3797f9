import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { searchClient } from '../cdc/search/client.ts';
import { dropIndices } from '../cdc/search/indices.ts';
import { config } from '../config/index.ts';
import { testSql } from './cdc-harness.ts';
import { runSchemathesis, type FuzzResult } from './support/schemathesis.ts';
import { loadCatalogSlice, seedProducts } from './support/seed-index.ts';
import { freePort, startEntry, startWorkerdEdge, type Running } from './support/servers.ts';

// Schemathesis against both services' OpenAPI documents, every check and phase (stateful
// included), as a signed-in shopper: core directly, and the edge under workerd in front of it
// on a private index of part of the catalog. Any failure fails the test and is printed.
const prefix = `fuzz-${randomUUID().slice(0, 8)}`;
const es = searchClient(config.ELASTICSEARCH_URL);
const sql = testSql();
const running: Running[] = [];
let coreUrl = '';
let edgeUrl = '';
let token = '';

beforeAll(async () => {
  await seedProducts(es, prefix, await loadCatalogSlice(sql, ['samsung', 'shirt'], 2000));
  coreUrl = `http://127.0.0.1:${await freePort()}`;
  // a cheap scrypt: the fuzz registers many users
  const core = { CORE_URL: coreUrl, PASSWORD_SCRYPT_COST: '1024', LOG_LEVEL: 'warn' };
  running.push(await startEntry('core/main.ts', core, `${coreUrl}/health`));
  const edge = await startWorkerdEdge({ CORE_URL: coreUrl, SEARCH_INDEX_PREFIX: prefix, EDGE_RATE_LIMIT_PREFIX: `ratelimit:${prefix}`, LOG_LEVEL: 'warn' });
  running.push(edge);
  edgeUrl = edge.url;
  const reg = await fetch(`${coreUrl}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `fuzz-${randomUUID()}@example.com`, password: 'correct horse battery' }),
  });
  token = ((await reg.json()) as { access_token: string }).access_token;
}, 240_000);

afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  await dropIndices(es, prefix);
  await es.close();
  await sql.end();
}, 60_000);

const report = (r: FuzzResult) =>
  r.failures.length ? r.failures.map((f) => `── ${f.operation}\n${f.message}`).join('\n') : `exit ${r.exitCode}\n${r.output.slice(-4000)}`;

describe('the contract, fuzzed', () => {
  // Core's fuzz signs up from an address of its own (core trusts X-Forwarded-For from loopback, as
  // from the edge): its many registrations must not fill loopback's sign-in limit for the next file.
  // One after the other, each bounded by its own time: run at once (110 s instead of 130 s) the
  // edge's run once failed in six, cause unknown, and the suite's time is not worth a flaky gate.
  it.for<[string, () => string, number, Record<string, string>]>([
    ['core', () => coreUrl, 50, { 'X-Forwarded-For': '198.51.100.7' }],
    ['edge', () => edgeUrl, 80, {}],
  ])('%s: schemathesis --checks all, every phase: no failure', { timeout: 300_000 }, async ([_name, url, seconds, headers], { expect }) => {
    const result = await runSchemathesis({ url: url(), headers: { Authorization: `Bearer ${token}`, ...headers }, maxSeconds: seconds });
    expect(result.operations, result.output.slice(-4000)).toBeGreaterThan(0);
    expect(result.failures, report(result)).toEqual([]);
    expect(result.exitCode, report(result)).toBe(0);
  });
});
