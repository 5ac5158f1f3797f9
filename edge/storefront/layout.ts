import { assetUrl } from './assets/index.ts';
import { h, type Html } from './html.ts';

// The page around every storefront page: skip link, header with the search box and the account
// links, one <main>, footer. Anonymous pages (cached for everyone) render the signed-out header.
export type LayoutOptions = {
  title: string;
  /** The signed-in shopper's form token, for the sign-out button; null on pages anyone may be served. */
  csrf: string | null;
  query?: string;
  scripts?: (keyof typeof assetUrl)[];
  description?: string;
};

export function layout(opts: LayoutOptions, body: Html): Html {
  const scripts = ['typeahead', 'imageFallback', ...(opts.scripts ?? [])] as (keyof typeof assetUrl)[];
  return h`<!doctype html>
<html lang="en-IN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · Commerce</title>
<meta name="description" content="${opts.description ?? 'Search the catalog, keep a cart, check out and track your orders.'}">
<link rel="stylesheet" href="${assetUrl.style}">
<link rel="icon" href="${assetUrl.placeholder}" type="image/svg+xml">
${scripts.map((s) => h`<script src="${assetUrl[s]}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="/">Commerce</a>
<form class="search" role="search" action="/shop/search" method="get">
<label class="visually-hidden" for="q">Search products</label>
<input id="q" name="q" type="search" value="${opts.query ?? ''}" placeholder="Search products" autocomplete="off" data-suggest maxlength="500">
<button type="submit">Search</button>
</form>
<nav aria-label="Account">
<ul>
<li><a href="/shop/cart">Cart</a></li>
<li><a href="/shop/orders">My orders</a></li>
${
  opts.csrf === null
    ? h`<li><a href="/shop/sign-in">Sign in</a></li>`
    : h`<li><form class="inline" method="post" action="/shop/sign-out"><input type="hidden" name="_csrf" value="${opts.csrf}"><button type="submit">Sign out</button></form></li>`
}
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer><p>Commerce sandbox shop · prices in Indian rupees · <a href="/docs">API reference</a></p></footer>
</body>
</html>`;
}
