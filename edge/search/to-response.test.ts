import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { SearchQuerySchema } from '../../openapi/schemas/search.ts';
import { decodeCursor } from './cursor.ts';
import { respell, toSearchResponse } from './to-response.ts';

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
    ['few hits', 2, 'speaker'],
    ['enough hits', 50, null],
  ])('suggests a respelling on %s', (_name, total, expected) => {
    const suggest = { did_you_mean: [{ text: 'speker', offset: 0, length: 6, options: [{ text: 'speaker', score: 0.8, freq: 20 }] }] };
    const r = toSearchResponse(response([], total, { suggest } as never), params({ query: 'speker', sort: 'newest' }), 0);
    expect(r.did_you_mean).toBe(expected);
  });
});
