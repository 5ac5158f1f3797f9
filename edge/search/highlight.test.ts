import { describe, expect, it } from 'vitest';
import { autoEdits, editDistance, escapeHtml, highlightTitle, queryWords, wordsOf } from './highlight.ts';

const mark = (title: string, query: string) => highlightTitle(title, queryWords(query));

describe('highlightTitle', () => {
  it.each([
    ['exact words, any case', 'Samsung Galaxy On5 Case', 'samsung galaxy', '<em>Samsung</em> <em>Galaxy</em> On5 Case'],
    ['a typo within AUTO:5,8 fuzziness', 'Wildcraft Backpack 30 L', 'backpak', 'Wildcraft <em>Backpack</em> 30 L'],
    ['a dropped letter', 'Samsung Charger', 'samsng', '<em>Samsung</em> Charger'],
    ['a transposition counts as one edit', 'Galaxy Tab', 'glaaxy', '<em>Galaxy</em> Tab'],
    ['the unfinished last word as a prefix', 'Samsung Galaxy Note', 'samsung gal', '<em>Samsung</em> <em>Galaxy</em> Note'],
    ['any word may be unfinished', 'Galaxy Samsung', 'gal samsung', '<em>Galaxy</em> <em>Samsung</em>'],
    ['a plural query marks the singular', 'Cotton Bed Sheet', 'sheets', 'Cotton Bed <em>Sheet</em>'],
    ['a possessive query marks the plain word', 'Nike Men Tee', "men's", 'Nike <em>Men</em> Tee'],
    ['a compound query marks both hyphenated words', "Men's Round Neck T-Shirt", 'tshirts', 'Men&#39;s Round Neck <em>T</em>-<em>Shirt</em>'],
    ['a compound query marks two spaced words', 'Cotton Bed Sheet', 'bedsheet', 'Cotton <em>Bed</em> <em>Sheet</em>'],
    ['every occurrence', 'USB Cable, USB Hub', 'usb', '<em>USB</em> Cable, <em>USB</em> Hub'],
    ['letters and digits stay one word', 'Redmi Note5 Pro', 'note5', 'Redmi <em>Note5</em> Pro'],
    ['an apostrophe stays inside a word', "Alisha Solid Women's Shorts", "women's", 'Alisha Solid <em>Women&#39;s</em> Shorts'],
    ['non-Latin scripts', 'Чехол для Samsung', 'чехол', '<em>Чехол</em> для Samsung'],
    [
      'markup in a title is escaped, only the markers are HTML',
      'Tom & Jerry <script>x</script>',
      'jerry',
      'Tom &amp; <em>Jerry</em> &lt;script&gt;x&lt;/script&gt;',
    ],
    ['quotes are escaped inside a marked word too', '"Quoted" Case', 'quoted', '&quot;<em>Quoted</em>&quot; Case'],
    ['a title spelling the markers does not mark', '<em>Fake</em> Galaxy', 'galaxy', '&lt;em&gt;Fake&lt;/em&gt; <em>Galaxy</em>'],
  ])('%s', (_name, title, query, expected) => {
    expect(mark(title, query)).toBe(expected);
  });

  it.each([
    ['the first letter must match (prefix_length 1)', 'Samsung', 'aamsung'],
    ['two edits are too many for a 5-letter word', 'Shoes', 'shaeq'],
    ['words under five letters match exactly', 'Sofa Cover', 'sifa'],
    ['words of one or two letters match exactly', 'TV Stand', 'tb'],
    ['no query words', 'Anything', '  '],
  ])('%s: no highlight', (_name, title, query) => {
    expect(mark(title, query)).toBeNull();
  });
});

describe('fuzziness', () => {
  it.each([
    ['ab', 0],
    ['abcd', 0],
    ['abcde', 1],
    ['abcdefg', 1],
    ['abcdefgh', 2],
  ])('AUTO:5,8 for %j allows %i edits', (word, edits) => {
    expect(autoEdits(word)).toBe(edits);
  });

  it.each([
    ['kitten', 'sitting', 3, 3],
    ['galaxy', 'glaaxy', 2, 1],
    ['backpak', 'backpack', 2, 1],
    ['abc', 'abc', 0, 0],
    ['short', 'muchlongerword', 2, 3],
    ['abcdef', 'ghijkl', 2, 3],
  ])('distance(%j, %j) capped at %i is %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });
});

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['<EM>upper</EM>', '&lt;EM&gt;upper&lt;/EM&gt;'],
    [`"quoted" it's`, '&quot;quoted&quot; it&#39;s'],
  ])('%s', (text, html) => expect(escapeHtml(text)).toBe(html));
});

describe('wordsOf', () => {
  const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
  const reference = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => ({ text: s.segment, index: s.index }));

  it.each([
    ['a:b'],
    ['a.b'],
    ["a'b"],
    ['1,000'],
    ['1.5'],
    ['1;2'],
    ["1'2"],
    ['a_b'],
    ['_'],
    ['__a'],
    ['a__'],
    ['1.a'],
    ['a.1'],
    ['a..b'],
    ["x's"],
    ["'s"],
    ['U.S.A.'],
    ['3.5mm'],
    ['a-b'],
    ['e.g.'],
    ['10:30'],
    ['ab:cd:'],
    ['a"b'],
    ['1:2'],
    ['a;b'],
    ['a,b'],
    ['\t_\t'],
    ['_1_'],
    ['1_a'],
    ['x__y'],
    ['  two  spaces  '],
    ["Men's (Pack of 2) 9913PP05 - For Men, Women"],
    ['Чехол для Samsung'],
    ['a\u0001b c'],
    [''],
  ])('finds the words Intl.Segmenter finds in %j', (text) => {
    expect(wordsOf(text)).toEqual(reference(text));
  });
});
