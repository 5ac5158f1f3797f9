import { describe, expect, it } from 'vitest';
import { ProductDocumentSchema, ReviewDocumentSchema } from '../../openapi/internal/read-model.ts';
import { availableUnits, discountPercent, effectiveRating, productDocument, reviewDocument, type ProductRow } from './documents.ts';

const row = (over: Partial<ProductRow> = {}): ProductRow => ({
  id: 'p1',
  pid: 'PID1',
  title: 'Phone',
  brand: 'Acme',
  category_path: ['Mobiles', 'Smartphones'],
  description: null,
  image_urls: ['http://img/1'],
  specifications: [{ key: 'Color', value: 'Red' }, { junk: 1 }],
  price_amount: 9000,
  mrp_amount: 12000,
  currency: 'INR',
  catalog_rating: 4.2,
  created_at: new Date('2024-01-01T00:00:00Z'),
  updated_at: new Date('2024-02-01T00:00:00Z'),
  on_hand: 5,
  reserved: 2,
  review_avg: null,
  review_count: 0,
  ...over,
});

describe('productDocument', () => {
  it('builds a valid read-model document', () => {
    const doc = productDocument(row());
    expect(ProductDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc).toMatchObject({
      category: 'Mobiles',
      in_stock: true,
      discount_percent: 25,
      rating: 4.2,
      rating_count: 0,
      specifications: [{ key: 'Color', value: 'Red' }],
    });
  });

  it.each([
    [{ on_hand: 2, reserved: 2 }, 0, false],
    [{ on_hand: null, reserved: null }, 0, false],
    [{ price_amount: null }, 3, false],
    [{}, 3, true],
  ])('stock %j → available %d, in_stock %s', (over, available, inStock) => {
    const r = row(over);
    expect(availableUnits(r.on_hand, r.reserved)).toBe(available);
    expect(productDocument(r)).toMatchObject({ in_stock: inStock });
  });

  it('carries no quantity: a reservation must not change the search document', () => {
    expect(productDocument(row({ reserved: 3 }))).toEqual(productDocument(row({ reserved: 2 })));
  });

  it('has no category for an empty path', () => {
    expect(productDocument(row({ category_path: [] })).category).toBeNull();
  });
});

describe('pricing and rating helpers', () => {
  it.each([
    [9000, 12000, 25],
    [100, 300, 67],
    [100, 100, 0],
    [200, 100, null],
    [null, 100, null],
    [100, null, null],
    [0, 0, null],
  ])('discount of %j against %j is %j', (p, m, d) => expect(discountPercent(p, m)).toBe(d));

  it.each([
    [4.666, 3, 3.9, 4.7],
    [null, 0, 3.9, 3.9],
    [2, 0, null, null],
    [1, 1, null, 1],
  ])('avg %j over %d reviews, catalog %j → %j', (avg, n, cat, r) => expect(effectiveRating(avg, n, cat)).toBe(r));
});

describe('reviewDocument', () => {
  it('builds a valid review document without personal data', () => {
    const doc = reviewDocument({
      id: 'r1',
      product_id: 'p1',
      author_name: 'Asha R.',
      rating: 5,
      title: 't',
      body: 'b',
      created_at: new Date('2024-01-01T00:00:00Z'),
    });
    expect(ReviewDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.author).toBe('Asha R.');
    expect(Object.keys(doc)).not.toContain('user_id');
  });
});
