import type { estypes } from '@elastic/elasticsearch';
import { catalogSynonyms } from './synonyms.ts';

// Explicit mappings for the read model of openapi/internal/read-model.ts. The products index
// analyses its text with filters every production 8.x cluster ships (analysis-common: stemmer,
// synonym_graph, edge_ngram, asciifolding; the local node gets them from stack/elasticsearch-analysis).
const keyword = { type: 'keyword' } as const;
const text = { type: 'text', analyzer: 'standard' } as const;
const keywordWithText = { type: 'keyword', fields: { text } } as const;
const date = { type: 'date' } as const;

// One shard, no replica: a single local node; more shards cost memory and give nothing here.
export const indexSettings: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  number_of_replicas: 0,
};

/**
 * How product text is analysed. Exact words (`plain`) score above stemmed ones (`english`:
 * possessives dropped, KStem's light plurals), synonyms (synonyms.txt) apply at search time only, so
 * changing them needs no reindex of documents. `joined` adds each pair of adjacent words written
 * as one ("T-Shirt" and "T Shirt" → tshirt, "Bed Sheet" → bedsheet), which a search's own pairs
 * meet from either side ("bed sheets" ↔ "Bedsheet", "tshirt" ↔ "T-Shirt"): the standard
 * tokenizer already splits at hyphens, so pairs cover what word_delimiter_graph's catenation would
 * and compounds written with a space too. `prefix` indexes word starts for unfinished last words.
 */
export const productAnalysis: estypes.IndicesIndexSettingsAnalysis = {
  filter: {
    english_possessive: { type: 'stemmer', language: 'possessive_english' },
    english_light: { type: 'stemmer', language: 'light_english' },
    english_stop: { type: 'stop', stopwords: '_english_' },
    catalog_synonyms: { type: 'synonym_graph', synonyms: catalogSynonyms },
    joined_pairs: { type: 'shingle', min_shingle_size: 2, max_shingle_size: 2, output_unigrams: true, token_separator: '' },
    // A search meets the index's words and pairs with its own pairs alone (or its one word).
    joined_pairs_only: {
      type: 'shingle',
      min_shingle_size: 2,
      max_shingle_size: 2,
      output_unigrams: false,
      output_unigrams_if_no_shingles: true,
      token_separator: '',
    },
    // From two letters: a one-letter start would post nearly every title and make short words costly.
    word_starts: { type: 'edge_ngram', min_gram: 2, max_gram: 20 },
  },
  normalizer: {
    folded: { type: 'custom', filter: ['lowercase', 'asciifolding'] },
  },
  analyzer: {
    plain: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
    english: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding', 'english_possessive', 'english_light'] },
    // Stop words only on the search side: "kurta for men" needs no "for" in the title, and phrases keep their positions.
    english_search: {
      type: 'custom',
      tokenizer: 'standard',
      filter: ['lowercase', 'asciifolding', 'english_possessive', 'english_stop', 'english_light', 'catalog_synonyms'],
    },
    joined: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding', 'english_possessive', 'english_light', 'joined_pairs'] },
    joined_search: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding', 'english_possessive', 'english_light', 'joined_pairs_only'] },
    word_starts: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding', 'word_starts'] },
  },
};

const english = { type: 'text', analyzer: 'english', search_analyzer: 'english_search' } as const;
const productTitle = {
  type: 'text',
  analyzer: 'plain',
  fields: {
    english,
    joined: { type: 'text', analyzer: 'joined', search_analyzer: 'joined_search' },
    prefix: { type: 'text', analyzer: 'word_starts', search_analyzer: 'plain', index_options: 'docs', norms: false },
    // Identical listings (same title, any case or accents) collapse into one hit on a results page.
    keyword: { type: 'keyword', normalizer: 'folded', ignore_above: 512 },
  },
} as const;
const keywordWithEnglish = { type: 'keyword', fields: { text: english } } as const;

export const productMappings: estypes.MappingTypeMapping = {
  // Unknown fields stay in _source but are not indexed, so a newer writer cannot break an older index.
  dynamic: false,
  properties: {
    id: keyword,
    pid: keyword,
    title: productTitle,
    brand: keywordWithEnglish,
    category_path: keywordWithEnglish,
    category: keywordWithText,
    description: english,
    image_urls: { type: 'keyword', index: false, doc_values: false },
    specifications: { properties: { key: keyword, value: { ...text, fields: { keyword: { type: 'keyword', ignore_above: 256 } } } } },
    price: { type: 'long' },
    mrp: { type: 'long' },
    currency: keyword,
    discount_percent: { type: 'integer' },
    rating: { type: 'float' },
    rating_count: { type: 'integer' },
    in_stock: { type: 'boolean' },
    created_at: date,
    updated_at: date,
    suggest: { type: 'completion', analyzer: 'plain', search_analyzer: 'plain', preserve_separators: true, max_input_length: 100 },
  },
};

export const reviewMappings: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: {
    id: keyword,
    product_id: keyword,
    user_id: keyword,
    author: keywordWithText,
    rating: { type: 'integer' },
    title: text,
    body: text,
    created_at: date,
  },
};

export const indexKinds = ['products', 'reviews'] as const;
export type IndexKind = (typeof indexKinds)[number];

export const indexDefinitions: Record<IndexKind, { settings: estypes.IndicesIndexSettings; mappings: estypes.MappingTypeMapping }> = {
  // Half the default refresh interval: price and stock changes should be searchable well
  // within 1.5 s of their commit, and refreshing a catalog of this size is cheap.
  products: { settings: { ...indexSettings, refresh_interval: '500ms', analysis: productAnalysis }, mappings: productMappings },
  reviews: { settings: indexSettings, mappings: reviewMappings },
};
