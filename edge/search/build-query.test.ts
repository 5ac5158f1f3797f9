import { describe, expect, it } from 'vitest';
import { SearchQuerySchema, type SearchParams } from '../../openapi/schemas/search.ts';
import { buildSearchQuery, MAX_RESULT_WINDOW } from './build-query.ts';

const params = (q: Record<string, unknown>): SearchParams => SearchQuerySchema.parse(q);
const body = (q: Record<string, unknown>, after: (string | number)[] | null = null) => {
  const r = buildSearchQuery(params(q), after);
  if ('error' in r) throw new Error(r.error.message);
  return r.body;
};

describe('buildSearchQuery', () => {
  it.each([
    ['empty query browses everything', { query: '' }, { match_all: {} }],
    ['blank query also browses', { query: '   ' }, { match_all: {} }],
  ])('%s', (_name, q, must) => {
    expect((body(q).query as { bool: { must: unknown[] } }).bool.must).toEqual([must]);
  });

  it('matches text fuzzily over boosted fields and as a prefix on the last word', () => {
    const should = (body({ query: 'samsng gal' }).query as any).bool.must[0].bool.should;
    expect(should[0].multi_match).toMatchObject({
      query: 'samsng gal',
      fuzziness: 'AUTO',
      fields: expect.arrayContaining(['title^4', 'brand.text^3', 'category_path.text^2', 'description']),
    });
    expect(should[1].multi_match).toMatchObject({ type: 'bool_prefix', fuzziness: 'AUTO' });
  });

  it.each([
    ['category', { category: 'Mobiles & Accessories' }, [{ terms: { category: ['Mobiles & Accessories'] } }]],
    ['several brands, comma-separated', { brand: 'Samsung,Apple' }, [{ terms: { brand: ['Samsung', 'Apple'] } }]],
    ['several brands, repeated', { brand: ['Samsung', 'Apple'] }, [{ terms: { brand: ['Samsung', 'Apple'] } }]],
    ['price range', { price_min: '1000', price_max: '5000' }, [{ range: { price: { gte: 1000, lte: 5000 } } }]],
    ['price floor only', { price_min: '1000' }, [{ range: { price: { gte: 1000, lte: undefined } } }]],
    ['minimum rating', { rating_min: '4' }, [{ range: { rating: { gte: 4 } } }]],
    ['in stock', { in_stock: 'true' }, [{ term: { in_stock: true } }]],
    ['out of stock', { in_stock: 'false' }, [{ term: { in_stock: false } }]],
    ['no filter', {}, []],
  ])('filters: %s', (_name, q, filter) => {
    expect((body(q).query as any).bool.filter).toEqual(filter);
  });

  it.each([
    ['relevance', [{ _score: { order: 'desc' } }, { id: 'asc' }]],
    ['price_asc', [{ price: { order: 'asc', missing: '_last' } }, { id: 'asc' }]],
    ['price_desc', [{ price: { order: 'desc', missing: '_last' } }, { id: 'asc' }]],
    ['rating', [{ rating: { order: 'desc', missing: '_last' } }, { rating_count: 'desc' }, { id: 'asc' }]],
    ['newest', [{ created_at: 'desc' }, { id: 'asc' }]],
  ])('sort %s ends with the id tiebreaker (search_after needs a total order)', (sort, expected) => {
    expect(body({ sort }).sort).toEqual(expected);
  });

  it.each([
    [{ page: '1', size: '20' }, 0],
    [{ page: '3', size: '20' }, 40],
    [{ page: '100', size: '100' }, 9900],
  ])('page %o starts at %i', (q, from) => {
    expect(body(q).from).toBe(from);
  });

  it('refuses pages beyond the result window and points at the cursor', () => {
    const r = buildSearchQuery(params({ page: '101', size: '100' }), null);
    expect(r).toEqual({ error: { field: 'page', message: expect.stringContaining(String(MAX_RESULT_WINDOW)) } });
  });

  it('a cursor replaces from with search_after, however deep', () => {
    const b = body({ page: '500', size: '100' }, [1.5, 'abc']);
    expect(b.search_after).toEqual([1.5, 'abc']);
    expect(b.from).toBeUndefined();
  });

  it('asks for facets and exact totals, and no highlighting (the edge marks titles itself)', () => {
    const b = body({ query: 'shoes' });
    expect(Object.keys(b.aggs ?? {})).toEqual(['categories', 'brands', 'price', 'rating']);
    expect(b.track_total_hits).toBe(true);
    expect(b.highlight).toBeUndefined();
  });

  it.each([[{ size: '101' }], [{ size: '0' }], [{ page: '0' }], [{ sort: 'cheapest' }], [{ rating_min: '6' }], [{ in_stock: 'maybe' }]])(
    'rejects %o at validation',
    (q) => {
      expect(SearchQuerySchema.safeParse(q).success).toBe(false);
    },
  );
});
