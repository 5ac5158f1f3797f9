import type { Context } from 'hono';
import type { EdgeEnv } from '../context.ts';
import { h, type Html } from './html.ts';
import { layout } from './layout.ts';

// How storefront pages leave: HTML with the page CSP (scripts, styles and fetches from this site
// only), and either cached for everyone (anonymous pages, see cached-page.ts) or private, no-store.
export const PAGE_CSP =
  "default-src 'self'; img-src 'self' https: http: data:; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
export const HTML_TYPE = 'text/html; charset=utf-8';
export const PRIVATE = 'private, no-store';

export function sendPage(c: Context<EdgeEnv>, status: number, page: Html, headers: Record<string, string> = {}): Response {
  return c.body(page.toString(), status as 200, { 'content-type': HTML_TYPE, 'content-security-policy': PAGE_CSP, 'cache-control': PRIVATE, ...headers });
}

/** A form post's answer: see the result at `to` (303, so a reload never posts again). */
export const seeOther = (c: Context<EdgeEnv>, to: string) => c.body(null, 303, { location: to, 'cache-control': PRIVATE });

/** The styled error page: what happened, what to do, and the request id to quote. */
export function errorPage(c: Context<EdgeEnv>, status: number, title: string, detail: string, csrf: string | null = null): Response {
  const body = h`<h1>${title}</h1>
<p>${detail}</p>
<p><a href="/">Back to the shop</a></p>
<p class="request-id">Request id: <code>${c.get('requestId')}</code></p>`;
  return sendPage(c, status, layout({ title, csrf }, body));
}

export const notFoundPage = (c: Context<EdgeEnv>) =>
  errorPage(c, 404, 'Page not found', 'There is nothing at this address. The product may have been removed, or the link mistyped.');

/** A browser navigating (Accept names HTML) gets pages; API clients keep problem+json. */
export const wantsHtml = (c: Context) => /\btext\/html\b/.test(c.req.header('accept') ?? '');
