import type { BenchResult } from '../results.ts';
import { BENCHES, type BenchName, type Inputs } from './schema.ts';

/**
 * The plan's inputs after a bench run: a bench's fresh result replaces its committed entry; a
 * figure the fresh run lacks (a renamed or dropped case) is kept from before and named in the source.
 */
export function mergeResults(committed: Inputs, results: Partial<Record<BenchName, BenchResult>>): { inputs: Inputs; measured: BenchName[] } {
  const measured = BENCHES.filter((b) => results[b] !== undefined);
  const entries = BENCHES.map((b) => {
    const fresh = results[b];
    if (!fresh) return [b, committed[b]] as const;
    const kept = Object.keys(committed[b].figures).filter((name) => !(name in fresh.figures));
    const source = `npm run bench:${b} (.bench-results/${b}.json)${kept.length ? `; ${kept.join(', ')} kept from the earlier inputs` : ''}`;
    return [b, { ...fresh, figures: { ...committed[b].figures, ...fresh.figures }, source }] as const;
  });
  return { inputs: Object.fromEntries(entries) as Inputs, measured };
}
