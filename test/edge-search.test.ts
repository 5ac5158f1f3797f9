import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchClient } from '../cdc/search/client.ts';
import { dropIndices } from '../cdc/search/indices.ts';
import { config } from '../config/index.ts';
import { testSql } from './cdc-harness.ts';
import { createEdge } from '../edge/app.ts';

import { loadCatalogSlice, seedProducts } from './support/seed-index.ts';
import type { ProductDocument } from '../openapi/internal/read-model.ts';
import { type SearchResponse, type SuggestResponse, WIDEN_BELOW } from '../openapi/schemas/search.ts';

// Search through the edge app against a private index built from the real catalog
// (every Samsung, backpack, speaker and T-shirt product plus 1,500 others).
const prefix = `edgetest-search-${randomUUID().slice(0, 8)}`;
const es = searchClient(config.ELASTICSEARCH_URL);
const sql = testSql();
let docs: ProductDocument[] = [];
const app = createEdge({ ...config, SEARCH_INDEX_PREFIX: prefix, LOG_LEVEL: 'warn' }, { runtime: 'node' });

async function search(query: string): Promise<SearchResponse> {
  const res = await app.request(`/products/search_item?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as SearchResponse;
}

beforeAll(async () => {
  docs = await loadCatalogSlice(sql, ['samsung', 'backpack', 'speaker', 't-shirt'], 1500);
  await seedProducts(es, prefix, docs);
});

afterAll(async () => {
  await dropIndices(es, prefix);
  await es.close();
  await sql.end();
});

describe('GET /products/search_item', () => {
  it.each([
    ['samsng', /samsung/i],
    ['backpak', /backpack/i],
    ['SAMSUNG', /samsung/i],
  ])('"%s" still finds %s products', async (q, expected) => {
    const r = await search(`query=${q}&size=10`);
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.length).toBeGreaterThanOrEqual(5);
    for (const item of r.items.slice(0, 5)) expect(`${item.brand ?? ''} ${item.title}`).toMatch(expected);
  });

  it('highlights the matched words', async () => {
    const r = await search('query=backpack&size=3');
    expect(r.items[0]?.highlights?.title?.[0]).toMatch(/<em>backpack<\/em>/i);
  });

  it('facet counts agree with the documents (empty query browses the whole index)', async () => {
    const r = await search('size=1');
    expect(r.total).toBe(docs.length);
    for (const b of r.facets.brands.slice(0, 5)) expect(b.count).toBe(docs.filter((d) => d.brand === b.value).length);
    for (const b of r.facets.categories.slice(0, 5)) expect(b.count).toBe(docs.filter((d) => d.category === b.value).length);
    const rated4 = r.facets.rating.find((b) => b.from === 4);
    expect(rated4?.count).toBe(docs.filter((d) => d.rating !== null && d.rating >= 4).length);
    const cheap = r.facets.price.find((b) => b.key === 'under-500');
    expect(cheap?.count).toBe(docs.filter((d) => d.price !== null && d.price < 50_000).length);
  });

  // Facets count products; so does total in any order but relevance (which collapses identical titles).
  it('each filter returns exactly the documents its facet counted', async () => {
    const all = await search('query=samsung&sort=newest&size=1');
    const brand = all.facets.brands[0]!;
    const byBrand = await search(`query=samsung&sort=newest&brand=${encodeURIComponent(brand.value)}&size=100`);
    expect(byBrand.total).toBe(brand.count);
    expect(byBrand.items.every((i) => i.brand === brand.value)).toBe(true);

    const category = all.facets.categories[0]!;
    const byCategory = await search(`query=samsung&sort=newest&category=${encodeURIComponent(category.value)}&size=1`);
    expect(byCategory.total).toBe(category.count);

    const bucket = all.facets.price.find((b) => b.count > 0 && b.from !== null && b.to !== null)!;
    const byPrice = await search(`query=samsung&sort=newest&price_min=${bucket.from}&price_max=${bucket.to! - 1}&size=100`);
    expect(byPrice.total).toBe(bucket.count);
    expect(byPrice.items.every((i) => i.price !== null && i.price.amount >= bucket.from! && i.price.amount < bucket.to!)).toBe(true);
  });

  it('combines several brands, stock and rating filters', async () => {
    const r = await search('brand=Samsung,Wildcraft&in_stock=true&rating_min=1&size=100');
    const expected = docs.filter((d) => (d.brand === 'Samsung' || d.brand === 'Wildcraft') && d.in_stock && d.rating !== null && d.rating >= 1);
    expect(r.total).toBe(expected.length);
    expect(r.items.every((i) => i.in_stock && (i.rating ?? 0) >= 1 && ['Samsung', 'Wildcraft'].includes(i.brand ?? ''))).toBe(true);
  });

  it('sorts by price both ways', async () => {
    const up = (await search('query=backpack&sort=price_asc&size=50')).items.map((i) => i.price?.amount ?? Infinity);
    const down = (await search('query=backpack&sort=price_desc&size=50')).items.map((i) => i.price?.amount ?? -Infinity);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(down.filter(Number.isFinite)).toEqual([...down.filter(Number.isFinite)].sort((a, b) => b - a));
  });

  it.each([
    ['relevance: every listing, identical titles once', 'query=samsung'],
    ['another order: every product', 'query=samsung&sort=price_asc'],
  ])('walking all pages returns every hit exactly once, by page and by cursor (%s)', async (_name, query) => {
    const first = await search(`${query}&size=13`);
    const byPage: string[] = [];
    for (let page = 1; page <= Math.ceil(first.total / 13); page++) byPage.push(...(await search(`${query}&size=13&page=${page}`)).items.map((i) => i.id));
    expect(byPage).toHaveLength(first.total);
    expect(new Set(byPage).size).toBe(first.total);

    const byCursor: string[] = [];
    let r = first;
    for (;;) {
      byCursor.push(...r.items.map((i) => i.id));
      if (!r.next_cursor) break;
      r = await search(`${query}&size=13&cursor=${r.next_cursor}`);
    }
    expect(new Set(byCursor).size).toBe(first.total);
    expect(byCursor).toHaveLength(first.total);
  });

  it('a relevance page shows each title once; the same search by price shows every product', async () => {
    const titles = (r: SearchResponse) => r.items.map((i) => i.title.toLowerCase());
    const relevance = titles(await search('query=samsung&size=100'));
    expect(new Set(relevance).size).toBe(relevance.length);
    const byPrice = await search('query=samsung&sort=price_asc&size=100');
    expect(byPrice.total).toBeGreaterThan(new Set(docs.filter((d) => /samsung/i.test(`${d.title} ${d.brand}`)).map((d) => d.title.toLowerCase())).size - 1);
  });

  it.each([
    ['tshirt', /t-?shirt/i],
    ['bed sheets', /bed ?sheet/i],
    ['bluetooth speaker', /speaker/i],
  ])('"%s" finds %s first', async (q, expected) => {
    const r = await search(`query=${encodeURIComponent(q)}&size=5`);
    expect(r.items.length).toBeGreaterThan(0);
    expect(expected.test(r.items[0]!.title)).toBe(true);
  });

  // sort=newest counts products (no collapse), so totals compare as sets of products.
  it(`lists products with all of a search's words while at least ${WIDEN_BELOW} have them`, async () => {
    const total = async (q: string) => (await search(`query=${encodeURIComponent(q)}&sort=newest&size=1`)).total;
    const [both, round, neck] = [await total('round neck'), await total('round'), await total('neck')];
    expect(both).toBeGreaterThanOrEqual(WIDEN_BELOW);
    expect(both).toBeLessThan(Math.min(round, neck));
  });

  it(`widens to most of the words when fewer than ${WIDEN_BELOW} products have them all`, async () => {
    const total = async (q: string) => (await search(`query=${encodeURIComponent(q)}&sort=newest&size=1`)).total;
    const [both, samsung, backpack] = [await total('samsung backpack'), await total('samsung'), await total('backpack')];
    expect(Math.min(samsung, backpack)).toBeGreaterThan(0);
    expect(both).toBeGreaterThanOrEqual(Math.max(samsung, backpack));
    const first = await search('query=samsung%20backpack&size=20');
    expect(first.items.some((i) => /backpack/i.test(i.title)) && first.items.some((i) => /samsung/i.test(`${i.brand} ${i.title}`))).toBe(true);
  });

  it('suggests a respelling when a query matches nothing', async () => {
    const r = await search('query=smasnug&size=5');
    expect(r.total).toBe(0);
    expect(r.did_you_mean).toBe('samsung');
    expect((await search('query=samsung&size=5')).did_you_mean).toBeNull();
  });

  it.each([
    ['size=101', 'size'],
    ['size=0', 'size'],
    ['sort=cheapest', 'sort'],
    ['cursor=garbage!', 'cursor'],
    ['page=200&size=100', 'page'],
  ])('%s → 400 problem+json naming %s', async (query, field) => {
    const res = await app.request(`/products/search_item?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toContain(field);
  });
});

describe('GET /products/suggest', () => {
  it.each([
    ['sams', /samsung/i],
    ['backp', /backpack/i],
    ['samsng', /samsung/i],
    ['bakcp', /backpack/i],
    ['speakr', /speaker/i],
  ])('"%s" completes to %s titles (at most 10, each title once)', async (q, expected) => {
    const res = await app.request(`/products/suggest?q=${q}`);
    expect(res.status).toBe(200);
    const { suggestions } = (await res.json()) as SuggestResponse;
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(10);
    expect(new Set(suggestions.map((s) => s.text.toLowerCase())).size).toBe(suggestions.length);
    expect(suggestions.filter((s) => expected.test(s.text)).length).toBeGreaterThan(suggestions.length / 2);
  });
});

// Whatever a shopper (or a fuzzer) types: 200 with results or an empty page, never a 500.
describe('unusual input', () => {
  const inputs = [
    ['emoji', encodeURIComponent('samsung 📱😀')],
    ['combining marks', encodeURIComponent('sams\u0075\u0308ng e\u0301\u0301\u0301')],
    ['control characters', '%00%01%1F%7F'],
    ['a lone surrogate (CESU-8 bytes)', '%ED%A0%80'],
    ['a lone surrogate beside text', 'samsung%ED%B0%80'],
    ['invalid UTF-8', '%C3%28%FF'],
    ['only punctuation', encodeURIComponent('!!!???...---')],
    ['only stop words', encodeURIComponent('the and of for')],
    ['500 characters', encodeURIComponent('samsung galaxy '.repeat(34).slice(0, 500))],
    ['500 emoji', encodeURIComponent('😀'.repeat(500))],
    ['500 one-letter words', encodeURIComponent('a '.repeat(250))],
    ['a percent sign', '%25'],
    ['right-to-left text', encodeURIComponent('\u202Eسامسونج')],
  ];

  it.each(inputs)('search with %s → 200', async (_name, q) => {
    const res = await app.request(`/products/search_item?query=${q}&size=5`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(Array.isArray(((await res.json()) as SearchResponse).items)).toBe(true);
  });

  it.each(inputs)('suggest with %s → 200', async (_name, q) => {
    const res = await app.request(`/products/suggest?q=${q}`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as SuggestResponse).suggestions.length).toBeLessThanOrEqual(10);
  });

  it.each([
    ['search', 'query', `/products/search_item?query=${'a'.repeat(501)}`],
    ['suggest', 'q', `/products/suggest?q=${'😀'.repeat(501)}`],
  ])('%s with 501 characters → 400 problem+json naming %s', async (_name, field, url) => {
    const res = await app.request(url);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
  });
});
