import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { repoRoot } from '../config/index.ts';

// Each bench ends by writing its key figures here, so `npm run capacity` plans from what was
// last measured on this machine rather than from numbers copied by hand. Git-ignored: a
// measurement belongs to a machine; docs/capacity-inputs.json keeps the ones the plan was made from.
export const RESULTS_DIR = join(repoRoot, '.bench-results');

export const FigureSchema = z.object({ value: z.number(), unit: z.string() });
export const BenchResultSchema = z.object({
  bench: z.string(),
  at: z.string(),
  machine: z.object({ cores: z.number().int().positive(), load: z.array(z.number()) }),
  running: z.array(z.string()),
  figures: z.record(z.string(), FigureSchema),
});
export type Figure = z.infer<typeof FigureSchema>;
export type BenchResult = z.infer<typeof BenchResultSchema>;

/** Writes `.bench-results/<bench>.json`; `running` says what shared the machine (the same figure means little without it). */
export function writeBenchResult(bench: string, running: string[], figures: Record<string, Figure>): string {
  const result: BenchResult = { bench, at: new Date().toISOString(), machine: { cores: cpus().length, load: loadavg() }, running, figures };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${bench}.json`);
  writeFileSync(file, `${JSON.stringify(BenchResultSchema.parse(result), null, 2)}\n`);
  process.stdout.write(`figures written to ${file}\n`);
  return file;
}
