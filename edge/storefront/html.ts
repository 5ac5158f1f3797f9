import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

// Hono's html template (every interpolated value escaped, arrays joined), typed as the synchronous
// string it is: pages are rendered from data already fetched, so nothing in them is a promise.
export type Html = HtmlEscapedString;

export const h = (strings: TemplateStringsArray, ...values: unknown[]): Html => html(strings, ...values) as Html;

/** Text already made safe HTML (highlighted titles, which the search API escapes but for their <em> markers). */
export const trusted = (safe: string): Html => raw(safe);
