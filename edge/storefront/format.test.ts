import { describe, expect, it } from 'vitest';
import { pageWindow, priceBucketLabel, ratingText, rupees, stockText } from './format.ts';

describe('rupees', () => {
  it.each([
    [0, '₹0'],
    [37_900, '₹379'],
    [12_345_600, '₹1,23,456'],
    [12_345_650, '₹1,23,456.50'],
    [1_000_000_000, '₹1,00,00,000'],
    [5, '₹0.05'],
  ])('%i paise → %s', (paise, text) => expect(rupees(paise)).toBe(text));
});

describe('stockText', () => {
  it.each([
    [0, 'Out of stock'],
    [-1, 'Out of stock'],
    [1, 'Only 1 left'],
    [3, 'Only 3 left'],
    [5, 'Only 5 left'],
    [6, 'In stock'],
  ])('%i available → %s', (n, text) => expect(stockText(n)).toBe(text));
});

describe('priceBucketLabel', () => {
  it.each([
    [{ from: null, to: 50_000 }, 'Under ₹500'],
    [{ from: 50_000, to: 100_000 }, '₹500 – ₹1,000'],
    [{ from: 2_000_000, to: null }, '₹20,000 and above'],
  ])('%o → %s', (bucket, text) => expect(priceBucketLabel(bucket)).toBe(text));
});

describe('pageWindow', () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, 3, null, 10]],
    [5, 10, [1, null, 3, 4, 5, 6, 7, null, 10]],
    [10, 10, [1, null, 8, 9, 10]],
    [4, 10, [1, 2, 3, 4, 5, 6, null, 10]],
  ])('page %i of %i', (current, last, pages) => expect(pageWindow(current, last)).toEqual(pages));
});

describe('ratingText', () => {
  it.each([
    [null, 0, 'No ratings yet'],
    [4.2, 0, 'No ratings yet'],
    [null, 3, 'No ratings yet'],
    [4.25, 1, '4.3 out of 5 (1 rating)'],
    [4.25, 12, '4.3 out of 5 (12 ratings)'],
  ])('%s over %s → %s', (average, count, text) => expect(ratingText({ average, count })).toBe(text));
});
