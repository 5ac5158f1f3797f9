import { SORTS, type SearchResponse } from '../../openapi/schemas/search.ts';
import { hidden, pager, productCard } from './components.ts';
import { priceBucketLabel, ratingBucketLabel } from './format.ts';
import { h, type Html } from './html.ts';
import { layout } from './layout.ts';
import { lastPage, searchHref, withFacet, type SearchState } from './search-url.ts';

// Search results: count, facets with counts, sort, results with the matched words marked,
// pages, an empty state and "did you mean".
const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  relevance: 'Relevance',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  rating: 'Rating',
  newest: 'Newest',
};

type Facet = 'category' | 'brand' | 'price' | 'rating';

function facetGroup(state: SearchState, facet: Facet, legend: string, buckets: { value: string; label: string; count: number }[]): Html {
  if (buckets.length === 0) return h``;
  const chosen = state[facet];
  return h`<fieldset><legend>${legend}</legend><ul>
${chosen ? h`<li><a href="${searchHref(withFacet(state, facet, undefined))}">Any ${legend.toLowerCase()}</a></li>` : ''}
${buckets.map((b) =>
  b.value === chosen
    ? h`<li><a href="${searchHref(withFacet(state, facet, b.value))}" aria-current="true"><strong>${b.label}</strong> (${b.count})</a></li>`
    : h`<li><a href="${searchHref(withFacet(state, facet, b.value))}">${b.label} (${b.count})</a></li>`,
)}
</ul></fieldset>`;
}

function sortForm(state: SearchState): Html {
  return h`<form method="get" action="/shop/search" class="sort">
${state.q ? hidden('q', state.q) : ''}${(['category', 'brand', 'price', 'rating'] as const).map((f) => (state[f] ? hidden(f, state[f]!) : ''))}
<label for="sort">Sort by</label>
<select id="sort" name="sort">${SORTS.map((s) => (s === state.sort ? h`<option value="${s}" selected>${SORT_LABELS[s]}</option>` : h`<option value="${s}">${SORT_LABELS[s]}</option>`))}</select>
<button type="submit" class="secondary">Sort</button>
</form>`;
}

export function searchPage(state: SearchState, res: SearchResponse, csrf: string | null): Html {
  const f = res.facets;
  const heading = state.q ? h`Results for “${state.q}”` : h`All products`;
  const last = lastPage(res.total);
  const body = h`<h1>${heading}</h1>
<p role="status">${res.total === 1 ? '1 result' : `${res.total} results`}</p>
${res.did_you_mean ? h`<p>Did you mean <a href="${searchHref({ ...state, q: res.did_you_mean, page: 1 })}">${res.did_you_mean}</a>?</p>` : ''}
<div class="layout">
<aside class="facets" aria-label="Filters">
${facetGroup(
  state,
  'category',
  'Category',
  f.categories.map((b) => ({ value: b.value, label: b.value, count: b.count })),
)}
${facetGroup(
  state,
  'brand',
  'Brand',
  f.brands.map((b) => ({ value: b.value, label: b.value, count: b.count })),
)}
${facetGroup(
  state,
  'price',
  'Price',
  f.price.filter((b) => b.count > 0 || b.key === state.price).map((b) => ({ value: b.key, label: priceBucketLabel(b), count: b.count })),
)}
${facetGroup(
  state,
  'rating',
  'Rating',
  f.rating.filter((b) => b.count > 0 || b.key === state.rating).map((b) => ({ value: b.key, label: ratingBucketLabel(b.from), count: b.count })),
)}
</aside>
<section aria-label="Results">
${sortForm(state)}
${
  res.items.length
    ? h`<ul class="grid">${res.items.map((p, i) => productCard(p, { eager: i < 4 }))}</ul>`
    : h`<div class="notice"><h2>Nothing found</h2><p>${
        res.total > 0 ? 'There are no more results on this page.' : 'Try fewer or different words, or clear the filters.'
      }</p><p><a href="/shop/search">Browse all products</a></p></div>`
}
${pager(Math.min(state.page, last), last, (page) => searchHref({ ...state, page }), 'Result pages')}
</section>
</div>`;
  return layout({ title: state.q ? `${state.q} – search` : 'All products', csrf, query: state.q }, body);
}
