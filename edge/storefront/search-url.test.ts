import { describe, expect, it } from 'vitest';
import { lastPage, parseSearch, searchHref, withFacet, type SearchState } from './search-url.ts';

const base: SearchState = { q: '', page: 1, sort: 'relevance' };

describe('searchHref', () => {
  it.each([
    [base, '/shop/search'],
    [{ ...base, q: 'red shoes' }, '/shop/search?q=red+shoes'],
    [{ ...base, q: 'tv', brand: 'Sony', sort: 'price_asc', page: 3 } as SearchState, '/shop/search?q=tv&brand=Sony&sort=price_asc&page=3'],
    [withFacet({ ...base, q: 'tv', page: 4 }, 'price', 'under-500'), '/shop/search?q=tv&price=under-500'],
    [withFacet({ ...base, q: 'tv', brand: 'Sony' }, 'brand', undefined), '/shop/search?q=tv'],
  ])('%o → %s', (state, href) => expect(searchHref(state)).toBe(href));
});

describe('parseSearch', () => {
  it('reads the state and the API parameters', () => {
    const parsed = parseSearch(new URLSearchParams('q=phone&price=500-1000&rating=4-and-up&brand=Nokia&page=2&sort=rating'));
    expect(parsed).toMatchObject({
      state: { q: 'phone', page: 2, sort: 'rating', brand: 'Nokia', price: '500-1000', rating: '4-and-up' },
      params: { query: 'phone', page: 2, size: 20, price_min: 50_000, price_max: 100_000, rating_min: 4, brand: ['Nokia'] },
    });
  });

  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=9999', 'page'],
    ['sort=cheapest', 'sort'],
    ['price=free', 'price'],
    ['rating=6-and-up', 'rating'],
    [`q=${'x'.repeat(501)}`, 'q'],
  ])('%s is an error on %s', (query, field) => expect(parseSearch(new URLSearchParams(query))).toMatchObject({ error: { field } }));
});

describe('lastPage', () => {
  it.each([
    [0, 1],
    [20, 1],
    [21, 2],
    [1_000_000, 500],
  ])('%i results → %i pages', (total, last) => expect(lastPage(total)).toBe(last));
});
