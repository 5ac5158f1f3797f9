import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { SearchQuerySchema } from '../../openapi/schemas/search.ts';
import { decodeCursor } from './cursor.ts';
import { respell, searchTotal, termSuggestions, toSearchResponse } from './to-response.ts';

const doc = (id: string) => ({
  id,
  title: `Product ${id}`,
  brand: null,
  category_path: [],
  price: 100,
  mrp: 100,
  discount_percent: 0,
  rating: null,
  rating_count: 0,
  in_stock: true,
  image_urls: [],
});
const response = (ids: string[], total: number, extra: Partial<estypes.SearchResponse> = {}) =>
  ({
    took: 1,
    timed_out: false,
    _shards: { total: 1, successful: 1, failed: 0 },
    hits: { total: { value: total, relation: 'eq' }, hits: ids.map((id, i) => ({ _index: 'i', _id: id, _source: doc(id), sort: [10 - i, id] })) },
    ...extra,
  }) as estypes.SearchResponse<ReturnType<typeof doc>>;
const params = (q: Record<string, string>) => SearchQuerySchema.parse(q);

describe('respell', () => {
  const s = (text: string, offset: number, suggestion?: string) => ({ text, offset, length: text.length, options: suggestion ? [{ text: suggestion }] : [] });
  it.each([
    ['one word', 'speker', [s('speker', 0, 'speaker')], 'speaker'],
    ['the second of two', 'bluetooth speker', [s('bluetooth', 0), s('speker', 10, 'speaker')], 'bluetooth speaker'],
    ['spacing and punctuation kept', 'blu-tooth,  speker', [s('blu', 0, 'blue'), s('speker', 12, 'speaker')], 'blue-tooth,  speaker'],
    ['nothing to respell', 'speaker', [s('speaker', 0)], null],
  ])('%s', (_name, query, suggestions, expected) => expect(respell(query, suggestions)).toBe(expected));
});

describe('toSearchResponse', () => {
  it('counts distinct listings and pages by offset in a collapsed search', () => {
    const r = toSearchResponse(response(['a', 'b'], 9, { aggregations: { listings: { value: 5 } } }), params({ query: 'tee', size: '2', page: '2' }), 2);
    expect(r.total).toBe(5);
    expect(decodeCursor(r.next_cursor!)).toEqual(['@offset', 4]);
  });

  it('ends a collapsed search at its last listing', () => {
    const r = toSearchResponse(response(['a', 'b'], 9, { aggregations: { listings: { value: 4 } } }), params({ query: 'tee', size: '2', page: '2' }), 2);
    expect(r.next_cursor).toBeNull();
  });

  it('counts products and continues after the last sort values otherwise', () => {
    const r = toSearchResponse(response(['a', 'b'], 9), params({ query: 'tee', size: '2', sort: 'newest' }), 0);
    expect(r.total).toBe(9);
    expect(decodeCursor(r.next_cursor!)).toEqual([9, 'b']);
  });

  it.each([
    ['a respelling search found one', [{ text: 'speker', offset: 0, length: 6, options: [{ text: 'speaker' }] }], 'speaker'],
    ['it found none', [{ text: 'speker', offset: 0, length: 6, options: [] }], null],
    ['there was none (enough hits)', [], null],
    ['it only changes the case', [{ text: 'Speaker', offset: 0, length: 7, options: [{ text: 'speaker' }] }], null],
  ])('suggests a respelling when %s', (_name, suggestions, expected) => {
    const r = toSearchResponse(response([], 2), params({ query: suggestions[0]?.text ?? 'speker', sort: 'newest' }), 0, suggestions);
    expect(r.did_you_mean).toBe(expected);
  });
});

describe('searchTotal', () => {
  it.each([
    ['distinct listings in a collapsed search', { query: 'tee' }, { aggregations: { listings: { value: 5 } } }, 5],
    ['products when sorted otherwise', { query: 'tee', sort: 'newest' }, { aggregations: { listings: { value: 5 } } }, 9],
    ['products when browsing', {}, {}, 9],
  ])('counts %s', (_name, q, extra, expected) => {
    expect(searchTotal(response([], 9, extra), params(q))).toBe(expected);
  });
});

describe('termSuggestions', () => {
  it('reads the respelling search, or nothing', () => {
    const did_you_mean = [{ text: 'speker', offset: 0, length: 6, options: [{ text: 'speaker', score: 0.8, freq: 20 }] }];
    expect(termSuggestions(response([], 0, { suggest: { did_you_mean } } as never))).toEqual(did_you_mean);
    expect(termSuggestions(response([], 0))).toEqual([]);
  });
});
