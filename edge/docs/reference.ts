import scalarPackage from '../../node_modules/@scalar/api-reference/package.json' with { type: 'json' };
import { problem, sendProblem } from '../../openapi/problem.ts';
import { ifNoneMatchHits } from '../cache/etag.ts';
import type { EdgeApp } from '../context.ts';
import { contentHash } from '../storefront/assets/index.ts';

// The interactive API reference at /docs: Scalar's standalone browser bundle, served by the edge
// itself (Workers import it as text, Node reads it at start), so the page needs nothing but this
// site and works offline. The page has no inline script: a small static script starts the bundle.

/**
 * Only this site; Scalar injects its stylesheet as a <style> element and sets style attributes, hence 'unsafe-inline' for styles alone.
 * No 'unsafe-eval': the one eval the page reports is the bundled zod probing for `Function` (it then validates without compiling).
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Scalar's light theme darkened until every text colour keeps 4.5:1 on its lightest and its grey
 * backgrounds (#fff, #f6f6f6): its greys (#707070, #8e8e8e) and accent, yellow, orange and red fall short.
 * Doubled class: the theme sets these on `.light-mode` more than once (hex, then display-p3).
 */
export const DOCS_CSS = `.light-mode.light-mode{
--scalar-color-2:#595959;--scalar-color-3:#616161;--scalar-color-accent:#0059b3;--scalar-sidebar-search-color:#616161;
--scalar-color-green:#04704b;--scalar-color-red:#c0000a;--scalar-color-yellow:#7a5c00;--scalar-color-blue:#005a96;
--scalar-color-orange:#a83c00;--scalar-color-purple:#5203d1;--scalar-color-query:#00666a}`;

// Scalar's fonts come from its CDN unless turned off; telemetry and the AI agent talk to scalar.com;
// its developer toolbar (deploy, share) is for Scalar's own service. Light mode only: DOCS_CSS is
// checked for contrast in that theme.
const INIT_JS = `Scalar.createApiReference('#reference', { url: '/openapi.json', withDefaultFonts: false, telemetry: false, agent: { disabled: true }, showDeveloperTools: 'never', forceDarkModeState: 'light', hideDarkModeToggle: true, customCss: ${JSON.stringify(DOCS_CSS)} });\n`;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const JS_TYPE = 'text/javascript; charset=utf-8';

type Asset = { file: string; etag: string; body: () => Uint8Array<ArrayBuffer> };

const once = (text: () => string) => {
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  return () => {
    bytes ??= new TextEncoder().encode(text());
    return bytes;
  };
};

/** The page: the bundle and the script that starts it, each at a URL naming its version. */
export function docsPage(bundleUrl: string, initUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Commerce API</title>
</head>
<body>
<noscript>The interactive reference needs JavaScript; the document itself is <a href="/openapi.json">/openapi.json</a>.</noscript>
<div id="reference"></div>
<script src="${bundleUrl}"></script>
<script src="${initUrl}"></script>
</body>
</html>
`;
}

/** GET /docs and its two scripts, from `bundle` (Scalar's standalone.js as text). */
export function registerDocs(app: EdgeApp, bundle: string): void {
  const script: Asset = { file: `api-reference.${scalarPackage.version}.js`, etag: `"api-reference-${scalarPackage.version}"`, body: once(() => bundle) };
  const init: Asset = { file: `init.${contentHash(INIT_JS)}.js`, etag: `"init-${contentHash(INIT_JS)}"`, body: once(() => INIT_JS) };
  const byFile = new Map([script, init].map((a) => [a.file, a] as const));
  const page = docsPage(`/docs/${script.file}`, `/docs/${init.file}`);

  app.get('/docs', (c) => c.html(page, 200, { 'content-security-policy': DOCS_CSP, 'cache-control': 'public, max-age=300' }));
  app.get('/docs/:file', (c) => {
    const file = c.req.param('file');
    const asset = byFile.get(file);
    // An outdated version is gone, not a method to refuse: answered here rather than by app.notFound.
    if (!asset) return sendProblem(c, problem(404, 'not-found', 'Not found', `no ${file} under /docs`));
    const headers = { 'cache-control': IMMUTABLE, etag: asset.etag };
    if (ifNoneMatchHits(c.req.header('if-none-match'), asset.etag)) return c.body(null, 304, headers);
    return c.body(asset.body(), 200, { ...headers, 'content-type': JS_TYPE });
  });
}
