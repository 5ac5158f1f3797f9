import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, errors, type estypes } from '@elastic/elasticsearch';
import { config } from '../config/index.ts';
import { elasticsearchConfigDir } from '../stack/services/elasticsearch.ts';

// The local Elasticsearch must analyse text as a production 8.x cluster does (there the
// analysis-common module provides these components; here the stack's plugin does). Every
// expectation below is the output Elasticsearch's reference documentation gives for the same
// request, or follows from the rule it documents; none was copied from what the plugin returns.
const es = new Client({ node: config.ELASTICSEARCH_URL });
const index = `test-analysis-${randomUUID()}`;
const synonymsFile = join('analysis', `test-synonyms-${randomUUID()}.txt`);
const synonymsPath = join(elasticsearchConfigDir(config), synonymsFile);
const updateableIndex = `${index}-updateable`;
const updateableFile = join('analysis', `test-synonyms-${randomUUID()}.txt`);
const updateablePath = join(elasticsearchConfigDir(config), updateableFile);

beforeAll(() => {
  mkdirSync(join(elasticsearchConfigDir(config), 'analysis'), { recursive: true });
  writeFileSync(synonymsPath, '# Solr format, as synonyms_path reads it\ntee, t shirt\nmens, men\n', { mode: 0o644 });
});
afterAll(async () => {
  rmSync(synonymsPath, { force: true });
  rmSync(updateablePath, { force: true });
  await es.indices.delete({ index: [index, updateableIndex], ignore_unavailable: true });
  await es.close();
});

const tokens = async (req: estypes.IndicesAnalyzeRequest) => ((await es.indices.analyze(req)).tokens ?? []).map((t) => t.token);
const sorted = (list: string[]) => [...list].sort();
const failure = async (req: estypes.IndicesAnalyzeRequest) => {
  const e = await es.indices.analyze(req).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(errors.ResponseError);
  return JSON.stringify((e as errors.ResponseError).body);
};

describe('the local Elasticsearch analysis (production names and parameters)', () => {
  it.each<[string, estypes.IndicesAnalyzeRequest, string[]]>([
    ['stemmer (default porter)', { tokenizer: 'standard', filter: ['stemmer'], text: 'the foxes jumping quickly' }, ['the', 'fox', 'jump', 'quickli']],
    [
      'stemmer possessive_english + light_english',
      {
        tokenizer: 'standard',
        filter: ['lowercase', { type: 'stemmer', language: 'possessive_english' }, { type: 'stemmer', language: 'light_english' }],
        text: "Women's Running Shoes",
      },
      ['women', 'running', 'shoe'],
    ],
    [
      'stemmer english (Porter)',
      { tokenizer: 'standard', filter: ['lowercase', { type: 'stemmer', language: 'english' }], text: 'Running Shoes' },
      ['run', 'shoe'],
    ],
    [
      'stemmer minimal_english (plurals only)',
      { tokenizer: 'standard', filter: [{ type: 'stemmer', language: 'minimal_english' }], text: 'shirts running' },
      ['shirt', 'running'],
    ],
    ['kstem', { tokenizer: 'standard', filter: ['kstem'], text: 'the foxes jumping quickly' }, ['the', 'fox', 'jump', 'quick']],
    ['porter_stem', { tokenizer: 'standard', filter: ['porter_stem'], text: 'the foxes jumping quickly' }, ['the', 'fox', 'jump', 'quickli']],
    ['keyword_repeat + stemmer', { tokenizer: 'whitespace', filter: ['keyword_repeat', 'stemmer'], text: 'jumping dog' }, ['jumping', 'jump', 'dog', 'dog']],
    [
      'keyword_repeat + stemmer + remove_duplicates',
      { tokenizer: 'whitespace', filter: ['keyword_repeat', 'stemmer', 'remove_duplicates'], text: 'jumping dog' },
      ['jumping', 'jump', 'dog'],
    ],
    [
      'word_delimiter_graph defaults',
      { tokenizer: 'keyword', filter: ['word_delimiter_graph'], text: "Neil's-Super-Duper-XL500--42+AutoCoder" },
      ['Neil', 'Super', 'Duper', 'XL', '500', '42', 'Auto', 'Coder'],
    ],
    [
      'word_delimiter_graph catenate_words',
      { tokenizer: 'whitespace', filter: [{ type: 'word_delimiter_graph', catenate_words: true }, 'lowercase'], text: 'T-Shirt' },
      ['tshirt', 't', 'shirt'],
    ],
    [
      'word_delimiter_graph catenate_words on several parts',
      { tokenizer: 'whitespace', filter: [{ type: 'word_delimiter_graph', catenate_words: true }], text: 'super-duper-xl-500' },
      ['superduperxl', 'super', 'duper', 'xl', '500'],
    ],
    [
      'word_delimiter_graph preserve_original',
      { tokenizer: 'whitespace', filter: [{ type: 'word_delimiter_graph', preserve_original: true }], text: 'Wi-Fi' },
      ['Wi-Fi', 'Wi', 'Fi'],
    ],
    [
      'word_delimiter_graph split_on_case_change and split_on_numerics off',
      { tokenizer: 'whitespace', filter: [{ type: 'word_delimiter_graph', split_on_case_change: false, split_on_numerics: false }], text: 'PowerShot SD500' },
      ['PowerShot', 'SD500'],
    ],
    [
      'word_delimiter_graph protected_words',
      { tokenizer: 'whitespace', filter: [{ type: 'word_delimiter_graph', protected_words: ['wi-fi'] }], text: 'wi-fi t-shirt' },
      ['wi-fi', 't', 'shirt'],
    ],
    [
      'word_delimiter_graph type_table',
      { tokenizer: 'whitespace', filter: [{ type: 'word_delimiter_graph', type_table: ['- => ALPHA'] }], text: 'wi-fi t+shirt' },
      ['wi-fi', 't', 'shirt'],
    ],
    [
      'edge_ngram filter',
      { tokenizer: 'standard', filter: [{ type: 'edge_ngram', min_gram: 1, max_gram: 2 }], text: 'the quick brown fox jumps' },
      ['t', 'th', 'q', 'qu', 'b', 'br', 'f', 'fo', 'j', 'ju'],
    ],
    [
      'edge_ngram filter preserve_original',
      { tokenizer: 'standard', filter: [{ type: 'edge_ngram', min_gram: 1, max_gram: 2, preserve_original: true }], text: 'blue' },
      ['b', 'bl', 'blue'],
    ],
    ['edge_ngram tokenizer defaults', { tokenizer: 'edge_ngram', text: 'Quick Fox' }, ['Q', 'Qu']],
    [
      'edge_ngram tokenizer with token_chars',
      { tokenizer: { type: 'edge_ngram', min_gram: 2, max_gram: 10, token_chars: ['letter', 'digit'] }, text: '2 Quick Foxes.' },
      ['Qu', 'Qui', 'Quic', 'Quick', 'Fo', 'Fox', 'Foxe', 'Foxes'],
    ],
    [
      'ngram filter',
      { tokenizer: 'standard', filter: ['ngram'], text: 'Quick fox' },
      ['Q', 'Qu', 'u', 'ui', 'i', 'ic', 'c', 'ck', 'k', 'f', 'fo', 'o', 'ox', 'x'],
    ],
    [
      'ngram tokenizer',
      { tokenizer: 'ngram', text: 'Quick Fox' },
      ['Q', 'Qu', 'u', 'ui', 'i', 'ic', 'c', 'ck', 'k', 'k ', ' ', ' F', 'F', 'Fo', 'o', 'ox', 'x'],
    ],
    ['asciifolding', { tokenizer: 'standard', filter: ['asciifolding'], text: 'açaí à la carte' }, ['acai', 'a', 'la', 'carte']],
    [
      'asciifolding preserve_original',
      { tokenizer: 'standard', filter: [{ type: 'asciifolding', preserve_original: true }], text: 'açaí à la carte' },
      ['acai', 'açaí', 'a', 'à', 'la', 'carte'],
    ],
    [
      'asciifolding preserve_original on café',
      { tokenizer: 'standard', filter: [{ type: 'asciifolding', preserve_original: true }], text: 'café' },
      ['cafe', 'café'],
    ],
    [
      'length',
      { tokenizer: 'whitespace', filter: [{ type: 'length', min: 0, max: 4 }], text: 'the quick brown fox jumps over the lazy dog' },
      ['the', 'fox', 'over', 'the', 'lazy', 'dog'],
    ],
    [
      'truncate (length 10)',
      { tokenizer: 'whitespace', filter: ['truncate'], text: 'quinquennial extravaganza carried on' },
      ['quinquenni', 'extravagan', 'carried', 'on'],
    ],
    ['reverse', { tokenizer: 'standard', filter: ['reverse'], text: 'quick fox jumps' }, ['kciuq', 'xof', 'spmuj']],
    ['uppercase', { tokenizer: 'standard', filter: ['uppercase'], text: 'the Quick FoX JUMPs' }, ['THE', 'QUICK', 'FOX', 'JUMPS']],
    ['trim', { tokenizer: 'keyword', filter: ['trim'], text: ' fox ' }, ['fox']],
    ['decimal_digit', { tokenizer: 'whitespace', filter: ['decimal_digit'], text: '१-one two-२ ३' }, ['1-one', 'two-2', '3']],
    [
      'shingle (the server’s own)',
      { tokenizer: 'whitespace', filter: ['shingle'], text: 'quick brown fox jumps' },
      ['quick', 'quick brown', 'brown', 'brown fox', 'fox', 'fox jumps', 'jumps'],
    ],
    [
      'whitespace tokenizer',
      { tokenizer: 'whitespace', text: "The 2 QUICK Brown-Foxes jumped over the lazy dog's bone." },
      ['The', '2', 'QUICK', 'Brown-Foxes', 'jumped', 'over', 'the', 'lazy', "dog's", 'bone.'],
    ],
    [
      'letter tokenizer',
      { tokenizer: 'letter', text: "The 2 QUICK Brown-Foxes jumped over the lazy dog's bone." },
      ['The', 'QUICK', 'Brown', 'Foxes', 'jumped', 'over', 'the', 'lazy', 'dog', 's', 'bone'],
    ],
    ['keyword tokenizer', { tokenizer: 'keyword', text: 'New York' }, ['New York']],
    ['html_strip char filter', { tokenizer: 'keyword', char_filter: ['html_strip'], text: '<p>I&apos;m so <b>happy</b>!</p>' }, ["\nI'm so happy!\n"]],
    [
      'mapping char filter',
      {
        tokenizer: 'keyword',
        char_filter: [{ type: 'mapping', mappings: ['٠ => 0', '١ => 1', '٢ => 2', '٣ => 3', '٤ => 4', '٥ => 5', '٦ => 6', '٧ => 7', '٨ => 8', '٩ => 9'] }],
        text: 'My license plate is ٢٥٠١٥',
      },
      ['My license plate is 25015'],
    ],
  ])('%s', async (_, req, expected) => {
    expect(await tokens(req)).toEqual(expected);
  });

  const stopThe: estypes.AnalysisTokenFilter = { type: 'stop', stopwords: ['the'] };
  it.each<[string, estypes.AnalysisTokenFilter[], string, string[]]>([
    ['an equivalence, expanded', ['lowercase', { type: 'synonym_graph', synonyms: ['tee, t shirt'] }], 'blue tee', ['blue', 'shirt', 't', 'tee']],
    ['an explicit mapping', ['lowercase', { type: 'synonym_graph', synonyms: ['i-pod, i pod => ipod'] }], 'i pod', ['ipod']],
    ['expand false: all map to the first', ['lowercase', { type: 'synonym_graph', synonyms: ['ipod, i-pod, i pod'], expand: false }], 'i-pod', ['ipod']],
    ['the non-graph synonym filter', ['lowercase', { type: 'synonym', synonyms: ['universe, cosmos'] }], 'cosmos', ['cosmos', 'universe']],
    [
      'a file under the node’s config directory',
      ['lowercase', { type: 'synonym_graph', synonyms_path: synonymsFile }],
      'mens tee',
      ['men', 'mens', 'shirt', 't', 'tee'],
    ],
    [
      'wordnet format',
      ['lowercase', { type: 'synonym_graph', format: 'wordnet', synonyms: ["s(100000001,1,'sofa',n,1,0).", "s(100000001,2,'couch',n,1,0)."] }],
      'couch',
      ['couch', 'sofa'],
    ],
    [
      'lenient: a rule the chain cannot analyse is skipped',
      ['lowercase', stopThe, { type: 'synonym_graph', lenient: true, synonyms: ['the => a', 'tee, shirt'] }],
      'the tee',
      ['shirt', 'tee'],
    ],
  ])('synonyms: %s', async (_, filter, text, expected) => {
    expect(sorted(await tokens({ tokenizer: 'standard', filter, text }))).toEqual(expected);
  });

  it.each<[string, estypes.IndicesAnalyzeRequest, string]>([
    [
      'a synonym filter after word_delimiter_graph',
      { tokenizer: 'whitespace', filter: ['word_delimiter_graph', { type: 'synonym_graph', synonyms: ['tee, t shirt'] }], text: 'x' },
      'cannot be used to parse synonyms',
    ],
    [
      'a synonym rule the chain removes, not lenient',
      { tokenizer: 'standard', filter: [stopThe, { type: 'synonym_graph', synonyms: ['the => a'] }], text: 'x' },
      'failed to build synonyms',
    ],
    ['an ngram wider than index.max_ngram_diff', { tokenizer: { type: 'ngram', min_gram: 1, max_gram: 5 }, text: 'x' }, 'index.max_ngram_diff'],
    [
      'an unknown token_chars class',
      { tokenizer: { type: 'edge_ngram', token_chars: ['vowel' as estypes.AnalysisTokenChar] }, text: 'x' },
      "Unknown token type: 'vowel'",
    ],
  ])('refuses %s, as Elasticsearch does', async (_, req, message) => {
    expect(await failure(req)).toContain(message);
  });

  it('creates an index with production analysis settings and searches through them', async () => {
    await es.indices.create({
      index,
      settings: {
        number_of_replicas: 0,
        analysis: {
          char_filter: { strip_html: { type: 'html_strip' } },
          filter: {
            english_possessive: { type: 'stemmer', language: 'possessive_english' },
            english_light: { type: 'stemmer', language: 'light_english' },
            split_words: { type: 'word_delimiter_graph', catenate_words: true, preserve_original: true },
            shopper_synonyms: { type: 'synonym_graph', synonyms: ['tee, t shirt, tshirt', 'mens, men'] },
            prefixes: { type: 'edge_ngram', min_gram: 1, max_gram: 15 },
            word_pairs: { type: 'shingle', min_shingle_size: 2, max_shingle_size: 2, output_unigrams: false },
            folding: { type: 'asciifolding', preserve_original: true },
          },
          analyzer: {
            title_index: {
              type: 'custom',
              char_filter: ['strip_html'],
              tokenizer: 'whitespace',
              filter: ['split_words', 'flatten_graph', 'lowercase', 'folding', 'english_possessive', 'english_light'],
            },
            title_search: {
              type: 'custom',
              tokenizer: 'standard',
              filter: ['lowercase', 'asciifolding', 'english_possessive', 'english_light', 'shopper_synonyms'],
            },
            title_prefix: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding', 'prefixes'] },
            title_pairs: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'word_pairs'] },
          },
          normalizer: { folded: { type: 'custom', filter: ['trim', 'lowercase', 'asciifolding'] } },
        },
      },
      mappings: {
        properties: {
          title: {
            type: 'text',
            analyzer: 'title_index',
            search_analyzer: 'title_search',
            fields: {
              prefix: { type: 'text', analyzer: 'title_prefix', search_analyzer: 'standard' },
              pairs: { type: 'text', analyzer: 'title_pairs' },
            },
          },
          brand: { type: 'keyword', normalizer: 'folded' },
        },
      },
    });
    await es.bulk({
      refresh: 'wait_for',
      operations: [
        { index: { _index: index, _id: 'shirt' } },
        { title: "Blue T-Shirt for Men's", brand: ' Café Coffee Day' },
        { index: { _index: index, _id: 'shoe' } },
        { title: 'Running Shoes for Women', brand: 'Puma' },
      ],
    });
    const hits = async (query: estypes.QueryDslQueryContainer) => (await es.search({ index, query })).hits.hits.map((h) => h._id);
    for (const q of ['tshirts', 'mens tee', 't-shirt', 'blue tee', 'T Shirt'])
      expect(await hits({ match: { title: { query: q, operator: 'and' } } }), q).toEqual(['shirt']);
    expect(await hits({ match: { 'title.prefix': 'blu' } })).toEqual(['shirt']);
    expect(await hits({ match_phrase: { 'title.pairs': 'running shoes' } })).toEqual(['shoe']);
    expect(await hits({ term: { brand: 'cafe coffee day' } })).toEqual(['shirt']);
  });

  it('reloads updateable synonyms from their file, and keeps them out of index-time analyzers', async () => {
    writeFileSync(updateablePath, 'tee, tshirt\n', { mode: 0o644 });
    const analysis = (use: 'analyzer' | 'search_analyzer'): estypes.IndicesCreateRequest => ({
      index: updateableIndex,
      settings: {
        number_of_replicas: 0,
        analysis: {
          filter: { shopper_synonyms: { type: 'synonym_graph', synonyms_path: updateableFile, updateable: true } },
          analyzer: { with_synonyms: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'shopper_synonyms'] } },
        },
      },
      mappings: { properties: { title: { type: 'text', [use]: 'with_synonyms' } } },
    });
    const indexTime = await es.indices.create(analysis('analyzer')).then(
      () => '',
      (e: errors.ResponseError) => JSON.stringify(e.body),
    );
    expect(indexTime).toContain('not allowed to run in index time mode');
    await es.indices.create(analysis('search_analyzer'));
    const expand = async () => sorted(await tokens({ index: updateableIndex, analyzer: 'with_synonyms', text: 'tee' }));
    expect(await expand()).toEqual(['tee', 'tshirt']);
    writeFileSync(updateablePath, 'tee, jersey\n');
    await es.indices.reloadSearchAnalyzers({ index: updateableIndex });
    expect(await expand()).toEqual(['jersey', 'tee']);
  });
});
