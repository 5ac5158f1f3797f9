import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPACITY_PATH, capacityPage } from './page.ts';

describe('docs/capacity.md', () => {
  it('is what the committed assumptions and inputs make (run `npm run capacity` when this fails)', () => {
    expect(readFileSync(CAPACITY_PATH, 'utf8')).toBe(capacityPage());
  });
});
