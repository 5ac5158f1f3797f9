// Pure: marks in a title the words a search query matched, the way the query matches them
// (build-query.ts) as far as the edge can tell without the index's analysis: a query word as a word
// start, a plural or possessive of the title's word, two adjacent title words written as one
// ("tshirt" marks "T-Shirt"), or a typo within AUTO:5,8 fuzziness with prefix_length 1. Synonyms
// are not marked (the synonyms file belongs to the index). Done here rather than by Elasticsearch's
// highlighter, which re-ran that fuzzy query over every hit: three quarters of an uncached search
// (38 of 50 ms for "samsung galaxy").

// Unicode word boundaries (UAX #29), as Lucene's standard tokenizer splits text. The segmenter
// took ~10 µs a title, half of what shaping a page of results cost; on ASCII text the rules come
// down to ASCII_WORD (letters, digits and _ join; . ' : within letters, . , ; ' within digits; _
// alone is no word), which gives the segmenter's words on every title, brand and description of
// the catalog (test/word-boundaries.test.ts) in under 1 µs a title.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
// Printable ASCII, tabs and line breaks; anything else (other control characters too) goes to the segmenter.
const BEYOND_ASCII = /[^\t\n\r -~]/;
const ASCII_WORD = /(?:[A-Za-z0-9_]|(?<=[A-Za-z])[:.'](?=[A-Za-z])|(?<=[0-9])[,;.'](?=[0-9]))+/g;
const LETTER_OR_DIGIT = /[A-Za-z0-9]/;

export type Word = { text: string; index: number };

/** The words of `text` (as written) with their offsets. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  if (!BEYOND_ASCII.test(text)) {
    for (const m of text.matchAll(ASCII_WORD)) if (LETTER_OR_DIGIT.test(m[0])) words.push({ text: m[0], index: m.index });
  } else {
    for (const s of segmenter.segment(text)) if (s.isWordLike) words.push({ text: s.segment, index: s.index });
  }
  return words;
}

/** The words of `text`, lowercased as the standard analyzer does. */
export const queryWords = (text: string): string[] => wordsOf(text).map((w) => w.text.toLowerCase());

/** AUTO:5,8 fuzziness: no edit for words of 1–4 characters, one for 5–7, two beyond. */
export function autoEdits(word: string): number {
  const length = [...word].length;
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}

/** Damerau–Levenshtein distance (adjacent transpositions count once), or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

// What light English stemming and the possessive filter take off a word.
const inflection = /^(?:s|es|'s|’s|s'|s’)$/;

function matches(word: string, query: readonly string[]): boolean {
  return query.some((q) => {
    if (word.startsWith(q)) return true;
    if (q.startsWith(word) && inflection.test(q.slice(word.length))) return true;
    if (word[0] !== q[0]) return false;
    const edits = autoEdits(q);
    return edits > 0 && editDistance(q, word, edits) <= edits;
  });
}

/** A query word (or its plural) written as these two title words together. */
const joins = (first: string, second: string, query: readonly string[]): boolean =>
  query.some((q) => q.startsWith(first + second) && (q.length === first.length + second.length || inflection.test(q.slice(first.length + second.length))));

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML, in an element or a quoted attribute. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/**
 * `title` as HTML, each matched word wrapped in <em>…</em>, or null when no word matched. The
 * title is escaped, so the only markup a client receives is the markers: it may show the
 * fragment as HTML as it is.
 */
export function highlightTitle(title: string, query: string[]): string | null {
  if (query.length === 0) return null;
  const words = wordsOf(title);
  const lower = words.map((w) => w.text.toLowerCase());
  const marked = lower.map((w) => matches(w, query));
  for (let n = 0; n + 1 < words.length; n++) {
    const end = words[n]!.index + words[n]!.text.length;
    // Only hyphens or spaces between them: "T-Shirt", "Bed Sheet".
    if (/^[\s-]*$/.test(title.slice(end, words[n + 1]!.index)) && joins(lower[n]!, lower[n + 1]!, query)) marked[n] = marked[n + 1] = true;
  }
  if (!marked.includes(true)) return null;
  let html = '';
  let at = 0;
  words.forEach((w, n) => {
    if (!marked[n]) return;
    html += `${escapeHtml(title.slice(at, w.index))}<em>${escapeHtml(w.text)}</em>`;
    at = w.index + w.text.length;
  });
  return html + escapeHtml(title.slice(at));
}
