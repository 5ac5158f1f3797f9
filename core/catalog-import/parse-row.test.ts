import { describe, expect, it } from 'vitest';
import { parseCatalogRecord, rupeesToPaise } from './parse-row.ts';
import { initialStock } from './initial-stock.ts';

describe('rupeesToPaise', () => {
  it.each([
    ['379.0', 37900],
    ['379', 37900],
    ['12.5', 1250],
    ['12.05', 1205],
    ['0.99', 99],
    ['32157.00', 3215700],
    [' 10.0 ', 1000],
  ])('%j → %d paise', (text, paise) => expect(rupeesToPaise(text)).toBe(paise));
  it.each(['-1', 'abc', '1e3', '1.234', '', '12,000', '99999999999'])('rejects %j', (text) => expect(rupeesToPaise(text)).toBeNull());
});

const base = {
  id: 'abc123',
  pid: 'P1',
  name: 'Samsung Galaxy',
  category_path: 'Mobiles & Accessories >> Mobiles >> Samsung',
  brand: 'Samsung',
  retail_price: '999.0',
  discounted_price: '379.0',
  rating: '4.5',
  description: '',
  image_urls: '',
  specifications: '',
};

describe('parseCatalogRecord', () => {
  it('maps a full row', () => {
    const r = parseCatalogRecord({ ...base, image_urls: '["http://img/a.jpeg"]', specifications: '[{"key":"Color","value":"Black"}]' });
    expect(r).toEqual({
      ok: true,
      row: {
        id: 'abc123',
        pid: 'P1',
        title: 'Samsung Galaxy',
        brand: 'Samsung',
        category_path: ['Mobiles & Accessories', 'Mobiles', 'Samsung'],
        description: null,
        image_urls: ['http://img/a.jpeg'],
        specifications: [{ key: 'Color', value: 'Black' }],
        price_amount: 37900,
        mrp_amount: 99900,
        rating: 4.5,
      },
    });
  });
  it('keeps a product without prices as not for sale', () => {
    const r = parseCatalogRecord({ ...base, retail_price: '', discounted_price: '' });
    expect(r.ok && [r.row.price_amount, r.row.mrp_amount]).toEqual([null, null]);
  });
  it('lets one price stand for both', () => {
    const r = parseCatalogRecord({ ...base, discounted_price: '' });
    expect(r.ok && [r.row.price_amount, r.row.mrp_amount]).toEqual([99900, 99900]);
  });
  it.each([
    ['missing id', { id: '' }, /id must be/],
    ['id with spaces', { id: 'a b' }, /id must be/],
    ['empty name', { name: '  ' }, /name is empty/],
    ['bad price', { discounted_price: 'free' }, /discounted_price is not an amount/],
    ['price above MRP', { discounted_price: '1000' }, /exceeds retail_price/],
    ['rating out of range', { rating: '7' }, /rating must be between/],
    ['broken image JSON', { image_urls: '[not json' }, /image_urls/],
    ['specs of the wrong shape', { specifications: '[{"k":1}]' }, /specifications/],
  ])('rejects %s', (_name, patch, reason) => {
    const r = parseCatalogRecord({ ...base, ...patch });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});

describe('initialStock', () => {
  it('is deterministic per seed and id', () => {
    expect(initialStock(42, 'abc', true)).toBe(initialStock(42, 'abc', true));
  });
  it('gives an unpriced product nothing', () => expect(initialStock(42, 'abc', false)).toBe(0));
  it('stays within 0 or 5..200 and varies by seed', () => {
    const values = Array.from({ length: 500 }, (_, i) => initialStock(7, `p${i}`, true));
    expect(values.every((v) => v === 0 || (v >= 5 && v <= 200))).toBe(true);
    expect(values.some((v) => v === 0)).toBe(true);
    expect(values.filter((v, i) => v !== initialStock(8, `p${i}`, true)).length).toBeGreaterThan(400);
  });
});
