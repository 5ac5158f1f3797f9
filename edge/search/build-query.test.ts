import { describe, expect, it } from 'vitest';
import { SearchQuerySchema, type SearchParams } from '../../openapi/schemas/search.ts';
import { buildRespellQuery, buildSearchQuery, DID_YOU_MEAN_BELOW, MAX_RESULT_WINDOW, type SearchBodies, wantsRespelling } from './build-query.ts';

const params = (q: Record<string, unknown>): SearchParams => SearchQuerySchema.parse(q);
const bodies = (q: Record<string, unknown>, after: (string | number)[] | null = null): SearchBodies => {
  const r = buildSearchQuery(params(q), after);
  if ('error' in r) throw new Error(r.error.message);
  return r;
};
const body = (q: Record<string, unknown>, after: (string | number)[] | null = null) => bodies(q, after).body;
type Clause = Record<string, Record<string, { boost?: number; fuzziness?: unknown; prefix_length?: number; fields?: string[] }>>;
type Bool = { bool: { must: { bool: { should: Clause[] } }[]; filter: unknown[] } };
const boolOf = (q: Record<string, unknown>) => (body(q).query as Bool).bool;
const widenedShould = (q: Record<string, unknown>) => (bodies(q).widened!.query as Bool).bool.must[0]!.bool.should.map(parts);
/** The field (or fields) and options of a match, match_phrase or multi_match clause. */
const parts = (c: Clause) => {
  const [kind, inner] = Object.entries(c)[0]!;
  if (kind === 'multi_match')
    return {
      kind,
      field: (inner as { fields?: string[] }).fields!.join(','),
      options: inner as { boost?: number; fuzziness?: unknown; minimum_should_match?: string },
    };
  const [field, options] = Object.entries(inner)[0]!;
  return { kind, field, options };
};

describe('buildSearchQuery', () => {
  it.each([
    ['empty query browses everything', { query: '' }, { match_all: {} }],
    ['blank query also browses', { query: '   ' }, { match_all: {} }],
  ])('%s', (_name, q, must) => {
    expect((body(q).query as { bool: { must: unknown[] } }).bool.must).toEqual([must]);
  });

  it('grades evidence: all words stemmed across title, brand and category first, then exact, phrase, compounds, category, prefixes, typos, description', () => {
    const should = boolOf({ query: 'samsng gal' }).must[0]!.bool.should.map(parts);
    expect(should.map((c) => [c.kind, c.field])).toEqual([
      ['multi_match', 'title.english^3,brand.text^2,category_path.text'],
      ['match', 'title'],
      ['match_phrase', 'title.english'],
      ['match', 'title.joined'],
      ['match', 'category_path.text'],
      ['match', 'title.prefix'],
      ['match', 'title'],
      ['match', 'description'],
    ]);
    expect(should[0]!.options).toMatchObject({ operator: 'and' });
    const boosts = should.map((c) => c.options.boost ?? 1);
    const fuzzy = should.find((c) => c.options.fuzziness)!.options;
    expect(fuzzy).toMatchObject({ fuzziness: 'AUTO:5,8', prefix_length: 1 });
    // Typos and the description only ever outweigh nothing: below every other kind of evidence.
    expect(Math.max(...boosts.slice(6))).toBeLessThan(Math.min(...boosts.slice(0, 6)));
  });

  it('widened, a search of several words also takes most of them, and a product with all of them scores as in the narrow search', () => {
    const q = { query: 'bluetooth speaker' };
    const narrow = boolOf(q).must[0]!.bool.should.map(parts);
    const widened = widenedShould(q);
    expect(widened[1]).toMatchObject({ kind: 'multi_match', options: { minimum_should_match: '1<-1 3<75%' } });
    expect(widened.filter((_, i) => i !== 1).map((c) => [c.kind, c.field])).toEqual(narrow.map((c) => [c.kind, c.field]));
    // The widening clause scores a product with every word exactly as the all-words clause does.
    expect(widened[0]!.options.boost! + widened[1]!.options.boost!).toBe(narrow[0]!.options.boost);
    expect(widened.slice(2)).toEqual(narrow.slice(1));
    const { body: b, widened: w } = bodies(q);
    expect({ ...w, query: undefined }).toEqual({ ...b, query: undefined });
  });

  it.each([
    ['one word', { query: 'speaker' }, false],
    ['a hyphenated word (two, as the index splits it)', { query: 't-shirt' }, true],
    ['two words', { query: 'bluetooth speaker' }, true],
    ['browsing', {}, false],
  ])('a search of %s has a widened body: %s', (_name, q, widened) => {
    expect(bodies(q).widened !== null).toBe(widened);
  });

  it.each([
    ['relevance with a query collapses identical titles and counts listings', { query: 'tee' }, true],
    ['another sort lists every product', { query: 'tee', sort: 'price_asc' }, false],
    ['browsing lists every product', {}, false],
  ])('%s', (_name, q, collapsed) => {
    const b = body(q);
    expect(b.collapse).toEqual(collapsed ? { field: 'title.keyword' } : undefined);
    expect(b.aggs?.listings !== undefined).toBe(collapsed);
  });

  it('leaves respellings to a search of their own', () => {
    expect(body({ query: 'speker' }).suggest).toBeUndefined();
    expect(buildRespellQuery('speker')).toEqual({
      size: 0,
      track_total_hits: false,
      query: { match_none: {} },
      suggest: { did_you_mean: { text: 'speker', term: { field: 'title', suggest_mode: 'missing', min_word_length: 4, size: 1 } } },
    });
  });

  it.each([
    ['text with no hit', { query: 'speker' }, 0, true],
    ['text with fewer hits than the threshold', { query: 'speker' }, DID_YOU_MEAN_BELOW - 1, true],
    ['text with enough hits', { query: 'speaker' }, DID_YOU_MEAN_BELOW, false],
    ['browsing with no hit', {}, 0, false],
  ])('wants a respelling for %s', (_name, q, total, expected) => {
    expect(wantsRespelling(params(q), total)).toBe(expected);
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
    expect(boolOf(q).filter).toEqual(filter);
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
    const b = body({ page: '500', size: '100', sort: 'price_asc' }, [1.5, 'abc']);
    expect(b.search_after).toEqual([1.5, 'abc']);
    expect(b.from).toBeUndefined();
  });

  it('a collapsed search pages by offset cursors, within the result window', () => {
    expect(body({ query: 'tee', size: '10' }, ['@offset', 30]).from).toBe(30);
    expect(buildSearchQuery(params({ query: 'tee', size: '100' }), ['@offset', 9950])).toEqual({ error: { field: 'cursor', message: expect.any(String) } });
  });

  it.each([
    ['a sort-value cursor on a collapsed search', { query: 'tee' }, [1.5, 'abc']],
    ['an offset cursor on a sorted search', { query: 'tee', sort: 'price_asc' }, ['@offset', 10]],
    ['a negative offset', { query: 'tee' }, ['@offset', -1]],
  ])('refuses %s', (_name, q, cursor) => {
    expect(buildSearchQuery(params(q), cursor)).toEqual({ error: { field: 'cursor', message: 'not a cursor of this search' } });
  });

  it('asks for facets and exact totals, and no highlighting (the edge marks titles itself)', () => {
    const b = body({ query: 'shoes', sort: 'rating' });
    expect(Object.keys(b.aggs ?? {})).toEqual(['categories', 'brands', 'price', 'rating']);
    expect(b.track_total_hits).toBe(true);
    expect(b.highlight).toBeUndefined();
  });

  it('counts no hits in a collapsed search, whose total is its listings', () => {
    expect(body({ query: 'shoes' }).track_total_hits).toBe(false);
  });

  it.each([[{ size: '101' }], [{ size: '0' }], [{ page: '0' }], [{ sort: 'cheapest' }], [{ rating_min: '6' }], [{ in_stock: 'maybe' }]])(
    'rejects %o at validation',
    (q) => {
      expect(SearchQuerySchema.safeParse(q).success).toBe(false);
    },
  );
});
