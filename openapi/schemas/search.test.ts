import { describe, expect, it } from 'vitest';
import { cleanSearchText, SearchQuerySchema, SuggestQuerySchema } from './search.ts';

describe('cleanSearchText', () => {
  it.each([
    ['plain text is kept', '  samsung   galaxy ', 'samsung galaxy'],
    ['emoji are kept', 'red 👗 dress', 'red 👗 dress'],
    ['combining marks compose', 'cafe\u0301', 'café'],
    ['control characters become spaces', 'a\u0000b\u001fc\u007f', 'a b c'],
    ['a lone high surrogate', 'x\uD800y', 'x y'],
    ['a lone low surrogate', '\uDC00', ''],
    ['format characters (zero-width joiner, BOM)', 'a\u200Db\uFEFF', 'a b'],
    ['private use and unassigned', '\uE000\uFFFF', ''],
    ['punctuation is left to the analyzers', '!!?', '!!?'],
  ])('%s', (_name, raw, clean) => expect(cleanSearchText(raw)).toBe(clean));
});

describe('query length', () => {
  const chars = (n: number, c = 'a') => c.repeat(n);
  it.each([
    [chars(500), true],
    [chars(501), false],
    [chars(500, '😀'), true],
    [chars(501, '😀'), false],
  ])('%#: %s characters accepted: %s', (text, ok) => {
    expect(SearchQuerySchema.safeParse({ query: text }).success).toBe(ok);
    expect(SuggestQuerySchema.safeParse({ q: text }).success).toBe(ok);
  });

  it('an empty suggest prefix is refused, one that cleans to nothing is not', () => {
    expect(SuggestQuerySchema.safeParse({ q: '' }).success).toBe(false);
    expect(SuggestQuerySchema.parse({ q: '\u0000' })).toEqual({ q: '' });
  });
});

describe('numeric filters', () => {
  it.each([
    [{ price_max: '5000' }, { price_max: 5000 }],
    [{ price_min: '0' }, { price_min: 0 }],
    [{ rating_min: '4.5' }, { rating_min: 4.5 }],
    [{}, {}],
    [{ price_max: '' }, null],
    [{ price_min: ' ' }, null],
    [{ rating_min: '' }, null],
    [{ price_max: '-1' }, null],
    [{ price_max: '1.5' }, null],
    [{ rating_min: '6' }, null],
    [{ price_min: 'cheap' }, null],
  ])('%o → %o (null: refused)', (query, parsed) => {
    const r = SearchQuerySchema.safeParse(query);
    expect(r.success ? { price_min: r.data.price_min, price_max: r.data.price_max, rating_min: r.data.rating_min } : null).toEqual(
      parsed && { price_min: undefined, price_max: undefined, rating_min: undefined, ...parsed },
    );
  });
});
