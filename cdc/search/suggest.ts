import type { ProductDocument } from '../../openapi/internal/read-model.ts';

// A completion field matches prefixes of whole inputs, so "iph" would never reach "Apple iPhone
// 12". Feeding the title from each word onwards (plus the brand) makes any word a valid start.
const MAX_SUFFIXES = 8;

export type Suggest = { input: string[]; weight: number };

export function suggestInputs(title: string, brand: string | null): string[] {
  const words = title.trim().split(/\s+/).filter(Boolean);
  const suffixes = words.slice(0, MAX_SUFFIXES).map((_, i) => words.slice(i).join(' ').slice(0, 100));
  const all = brand ? [...suffixes, brand.trim()] : suffixes;
  return [...new Set(all.filter((s) => s.length > 0))];
}

/** Popular and purchasable products rank first among equal prefixes. */
export function suggestWeight(doc: Pick<ProductDocument, 'rating_count' | 'in_stock'>): number {
  return 1 + Math.min(doc.rating_count, 1000) + (doc.in_stock ? 1000 : 0);
}

/** The document as stored in the products index: the read-model document plus its suggest field. */
export function withSuggest(doc: ProductDocument): ProductDocument & { suggest: Suggest } {
  return { ...doc, suggest: { input: suggestInputs(doc.title, doc.brand), weight: suggestWeight(doc) } };
}
