import { describe, expect, it } from 'vitest';
import { mergeResults } from './merge-results.ts';
import type { Inputs } from './schema.ts';

const entry = (bench: string, figures: Record<string, number>, source = 'committed') => ({
  bench,
  at: 'before',
  machine: { cores: 2, load: [] },
  running: ['x'],
  source,
  figures: Object.fromEntries(Object.entries(figures).map(([k, value]) => [k, { value, unit: 'u' }])),
});
const committed: Inputs = { checkout: entry('checkout', { a: 1, b: 2 }), cdc: entry('cdc', { c: 3 }), edge: entry('edge', { d: 4 }) };

describe('mergeResults', () => {
  it('keeps the committed inputs when no bench has run', () => {
    expect(mergeResults(committed, {})).toEqual({ inputs: committed, measured: [] });
  });

  it("takes a fresh run's figures and says which it kept from before", () => {
    const { source: _, ...fresh } = entry('checkout', { a: 10, e: 5 });
    const { inputs, measured } = mergeResults(committed, { checkout: { ...fresh, at: 'now' } });
    expect(measured).toEqual(['checkout']);
    expect(inputs.checkout.at).toBe('now');
    expect(Object.fromEntries(Object.entries(inputs.checkout.figures).map(([k, f]) => [k, f.value]))).toEqual({ a: 10, b: 2, e: 5 });
    expect(inputs.checkout.source).toBe('npm run bench:checkout (.bench-results/checkout.json); b kept from the earlier inputs');
    expect(inputs.cdc).toBe(committed.cdc);
  });
});
