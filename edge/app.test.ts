import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicRoutes } from '../openapi/routes/public.ts';
import { createEdge } from './app.ts';
import { honoPath } from './core/routes.ts';
import { DOCS_CSP } from './docs/reference.ts';
import { readDocsBundle } from './docs/node-bundle.ts';

// The edge serves the public list of openapi/ and its document, nothing else: a route added at the
// edge but not to openapi/routes/public.ts, or a document that drifts from openapi.json, fails here.
// Built without servers: nothing here sends a request beyond the app.
const edge = createEdge({ LOG_LEVEL: 'warn' }, { runtime: 'node', docsBundle: readDocsBundle() });
/** Served, on purpose, without being operations of the document. */
const DOCUMENT_ROUTES = ['GET /openapi.json', 'GET /docs', 'GET /docs/:file'];

/** The shop's pages (edge/storefront) are documents for browsers, not operations of the API. */
const isStorefront = (path: string) => path === '/' || path.startsWith('/shop/');
const served = () => new Set(edge.app.routes.filter((r) => r.method !== 'ALL' && !isStorefront(r.path)).map((r) => `${r.method} ${r.path}`));

describe('edge routes', () => {
  it('are the public routes of openapi/ and the document routes', () => {
    const listed = publicRoutes.map((r) => `${r.method.toUpperCase()} ${honoPath(r.path)}`);
    expect([...served()].sort()).toEqual([...listed, ...DOCUMENT_ROUTES].sort());
  });

  it('serve at /openapi.json the document `npm run openapi` wrote', async () => {
    const res = await edge.request('/openapi.json');
    expect(res.status).toBe(200);
    const committed = readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8');
    expect(`${JSON.stringify(await res.json(), null, 2)}\n`).toBe(committed);
  });

  it('give /docs the headers of an HTML page and API answers those of an API', async () => {
    const docs = await edge.request('/docs');
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(docs.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(docs.headers.get('content-security-policy')).toBe(DOCS_CSP);
    const health = await edge.request('/health', { headers: { 'x-request-id': 'app-test-1' } });
    expect(await health.json()).toEqual({ status: 'ok', service: 'edge', runtime: 'node' });
    expect(health.headers.get('x-request-id')).toBe('app-test-1');
    expect(health.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('settle who calls an operator route before its headers: without a token a refund lacking its Idempotency-Key is 401, a checkout 400', async () => {
    const post = (path: string) => edge.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const refund = await post('/admin/orders/7c9e6679-7425-40de-944b-e07fc1f90ae7/refund');
    expect([refund.status, refund.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
    expect((await post('/checkout')).status).toBe(400);
  });
});
