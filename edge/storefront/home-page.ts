import type { SearchResponse } from '../../openapi/schemas/search.ts';
import { productCard } from './components.ts';
import { h, type Html } from './html.ts';
import { layout } from './layout.ts';
import { searchHref } from './search-url.ts';

// Home: the search box (with typeahead), the top categories and the deals of the moment.
const TOP_CATEGORIES = 12;
const DEALS = 8;

/** Pure: the largest discounts among the products browsed, in stock only. */
export function pickDeals(items: SearchResponse['items'], count = DEALS): SearchResponse['items'] {
  return items
    .filter((p) => p.in_stock && p.price !== null && (p.discount_percent ?? 0) > 0)
    .sort((a, b) => (b.discount_percent ?? 0) - (a.discount_percent ?? 0) || a.id.localeCompare(b.id))
    .slice(0, count);
}

export function homePage(browse: SearchResponse, csrf: string | null): Html {
  const categories = browse.facets.categories.slice(0, TOP_CATEGORIES);
  const deals = pickDeals(browse.items);
  return layout(
    { title: 'Shop', csrf },
    h`<h1>Find what you need</h1>
<form class="home-search" role="search" action="/shop/search" method="get">
<label for="home-q">Search products</label>
<input id="home-q" name="q" type="search" autocomplete="off" data-suggest maxlength="500">
<button type="submit">Search</button>
</form>
<section aria-labelledby="categories-h"><h2 id="categories-h">Top categories</h2>
<ul class="grid">${categories.map(
      (c) =>
        h`<li><a class="card" href="${searchHref({ q: '', page: 1, sort: 'relevance', category: c.value })}">${c.value} <span>(${c.count})</span></a></li>`,
    )}</ul></section>
<section aria-labelledby="deals-h"><h2 id="deals-h">Deals</h2>
${deals.length ? h`<ul class="grid">${deals.map((p, i) => productCard(p, { eager: i < 4 }))}</ul>` : h`<p>No deals right now.</p>`}
</section>`,
  );
}
