import type { estypes } from '@elastic/elasticsearch';

// Explicit mappings for the read model of openapi/internal/read-model.ts. This Elasticsearch
// has no analysis-common or mapper-extras module, so everything uses the built-in `standard`
// analyzer; type-ahead is a completion field fed with word-suffix inputs (see suggest.ts).
const keyword = { type: 'keyword' } as const;
const text = { type: 'text', analyzer: 'standard' } as const;
const textWithKeyword = { ...text, fields: { keyword: { type: 'keyword', ignore_above: 256 } } } as const;
const keywordWithText = { type: 'keyword', fields: { text } } as const;
const date = { type: 'date' } as const;

// One shard, no replica: a single local node; more shards cost memory and give nothing here.
export const indexSettings: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  number_of_replicas: 0,
};

export const productMappings: estypes.MappingTypeMapping = {
  // Unknown fields stay in _source but are not indexed, so a newer writer cannot break an older index.
  dynamic: false,
  properties: {
    id: keyword,
    pid: keyword,
    title: textWithKeyword,
    brand: keywordWithText,
    category_path: keywordWithText,
    category: keywordWithText,
    description: text,
    image_urls: { type: 'keyword', index: false, doc_values: false },
    specifications: { properties: { key: keyword, value: { ...text, fields: { keyword: { type: 'keyword', ignore_above: 256 } } } } },
    price: { type: 'long' },
    mrp: { type: 'long' },
    currency: keyword,
    discount_percent: { type: 'integer' },
    rating: { type: 'float' },
    rating_count: { type: 'integer' },
    available: { type: 'integer' },
    in_stock: { type: 'boolean' },
    created_at: date,
    updated_at: date,
    suggest: { type: 'completion', analyzer: 'standard', search_analyzer: 'standard', preserve_separators: true, max_input_length: 100 },
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
  products: { settings: { ...indexSettings, refresh_interval: '500ms' }, mappings: productMappings },
  reviews: { settings: indexSettings, mappings: reviewMappings },
};
