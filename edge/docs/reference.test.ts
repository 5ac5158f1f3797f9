import { describe, expect, it } from 'vitest';
import { createEdge } from '../app.ts';
import { readDocsBundle } from './node-bundle.ts';

// /docs must work offline: every script from this site, none inline, and a CSP naming no other origin.
const bundle = readDocsBundle();
const edge = createEdge({ LOG_LEVEL: 'warn' }, { runtime: 'node', docsBundle: bundle });

const scriptsOf = (page: string) =>
  [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map(([, attrs, body]) => ({ src: /\bsrc="([^"]*)"/.exec(attrs ?? '')?.[1], body }));
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );

describe('/docs', () => {
  it('is a page whose scripts all come from this site, none inline', async () => {
    const res = await edge.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    const scripts = scriptsOf(page);
    expect(scripts).toHaveLength(2);
    for (const s of scripts) {
      expect(s.src).toMatch(/^\/docs\/[\w.-]+\.js$/);
      expect(s.body).toBe('');
    }
    expect(page).not.toMatch(/\son\w+=/i);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('has a CSP of this site only: no https: or other origins, scripts and fetches from self', async () => {
    const csp = (await edge.request('/docs')).headers.get('content-security-policy') ?? '';
    expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/);
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
  });

  it('serves the bundle and its start script as JavaScript, cached for a year, with ETags that answer 304', async () => {
    const [bundleUrl, initUrl] = scriptsOf(await (await edge.request('/docs')).text()).map((s) => s.src!);
    const served = await edge.request(bundleUrl!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await served.text()).toBe(bundle);
    const init = await edge.request(initUrl!);
    expect(init.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await init.text()).toContain("Scalar.createApiReference('#reference', { url: '/openapi.json'");
    for (const url of [bundleUrl!, initUrl!]) {
      const etag = (await edge.request(url)).headers.get('etag');
      expect(etag).toMatch(/^"[\w.-]+"$/);
      const again = await edge.request(url, { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it('answers 404 for a script it does not have, and has no /docs without a bundle', async () => {
    expect((await edge.request('/docs/api-reference.0.0.0.js')).status).toBe(404);
    const without = createEdge({ LOG_LEVEL: 'warn' }, { runtime: 'node' });
    expect((await without.request('/docs')).status).toBe(404);
  });
});
