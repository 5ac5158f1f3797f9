import { describe, expect, it } from 'vitest';
import { etagOf, ifNoneMatchHits } from './etag.ts';

describe('etags', () => {
  it('are weak, stable and content-addressed', async () => {
    const a = await etagOf('{"a":1}');
    expect(a).toMatch(/^W\/"[0-9a-f]{32}"$/);
    expect(await etagOf('{"a":1}')).toBe(a);
    expect(await etagOf('{"a":2}')).not.toBe(a);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['*', true],
    ['W/"abc"', true],
    ['"abc"', true],
    ['"x", W/"abc"', true],
    ['"x", "y"', false],
  ])('If-None-Match %s → %s for W/"abc"', (header, hit) => {
    expect(ifNoneMatchHits(header, 'W/"abc"')).toBe(hit);
  });
});
