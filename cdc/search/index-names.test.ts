import { describe, expect, it } from 'vitest';
import { indexVersion, nextIndexVersion, versionedIndexName } from './index-names.ts';

describe('versioned index names', () => {
  it('builds <prefix>-<kind>-v<N>', () => {
    expect(versionedIndexName('commerce', 'products', 3)).toBe('commerce-products-v3');
    expect(versionedIndexName('t1', 'reviews', 1)).toBe('t1-reviews-v1');
  });

  it.each([
    ['commerce-products-v1', 1],
    ['commerce-products-v12', 12],
    ['commerce-products-v0', null],
    ['commerce-products-vx', null],
    ['commerce-reviews-v1', null],
    ['other-products-v1', null],
    ['commerce-products-v1-old', null],
  ])('reads the version of %s as %s', (name, version) => {
    expect(indexVersion('commerce', 'products', name)).toBe(version);
  });

  it.each([
    [[], 1],
    [['commerce-products-v1'], 2],
    [['commerce-products-v2', 'commerce-products-v7', 'commerce-reviews-v9', 'junk'], 8],
  ])('picks the next version after %j', (existing, next) => {
    expect(nextIndexVersion('commerce', 'products', existing)).toBe(next);
  });
});
