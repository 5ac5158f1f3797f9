import { Hono } from 'hono';
import { PLACEHOLDER_SVG } from './placeholder.ts';
import { CART_JS, IMAGE_FALLBACK_JS, ORDER_STATUS_JS, TYPEAHEAD_JS } from './scripts.ts';
import { STYLE } from './style.ts';

// The storefront's static files, each at a URL naming a hash of its content, so they are cached
// for a year and a new version is a new URL.
type Asset = { name: string; type: string; body: string };

/** FNV-1a, 32 bits: enough to tell versions of one file apart, and synchronous. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const ASSETS = {
  style: { name: 'style.css', type: 'text/css; charset=utf-8', body: STYLE },
  typeahead: { name: 'typeahead.js', type: 'text/javascript; charset=utf-8', body: TYPEAHEAD_JS },
  orderStatus: { name: 'order-status.js', type: 'text/javascript; charset=utf-8', body: ORDER_STATUS_JS },
  imageFallback: { name: 'image-fallback.js', type: 'text/javascript; charset=utf-8', body: IMAGE_FALLBACK_JS },
  cart: { name: 'cart.js', type: 'text/javascript; charset=utf-8', body: CART_JS },
  placeholder: { name: 'placeholder.svg', type: 'image/svg+xml', body: PLACEHOLDER_SVG },
} satisfies Record<string, Asset>;

const ASSET_BASE = '/shop/assets/';
const hashed = (a: Asset) => {
  const dot = a.name.lastIndexOf('.');
  return `${a.name.slice(0, dot)}.${contentHash(a.body)}${a.name.slice(dot)}`;
};

/** The URL of each asset, by key. */
export const assetUrl = Object.fromEntries(Object.entries(ASSETS).map(([k, a]) => [k, ASSET_BASE + hashed(a)])) as Record<keyof typeof ASSETS, string>;

const byFile = new Map(Object.values(ASSETS).map((a) => [hashed(a), a] as const));

/** Serves /shop/assets/<name>.<hash>.<ext>; an unknown or outdated name is a 404. */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/:file', (c) => {
    const asset = byFile.get(c.req.param('file'));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable' });
  });
  return app;
}
