import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchResult, BenchResultSchema, RESULTS_DIR } from '../results.ts';
import { mergeResults } from './merge-results.ts';
import { CAPACITY_PATH, capacityPage, INPUTS_PATH, readJson } from './page.ts';
import { BENCHES, type BenchName, InputsSchema } from './schema.ts';

// npm run capacity: takes the figures of the benches last run here (.bench-results/) into
// docs/capacity-inputs.json (a bench that has not run keeps its committed figures), then writes
// docs/capacity.md from those inputs and docs/capacity-assumptions.json.
const found = BENCHES.map((b) => [b, join(RESULTS_DIR, `${b}.json`)] as const).filter(([, path]) => existsSync(path));
const results: Partial<Record<BenchName, BenchResult>> = Object.fromEntries(found.map(([b, path]) => [b, BenchResultSchema.parse(readJson(path))]));
const { inputs, measured } = mergeResults(InputsSchema.parse(readJson(INPUTS_PATH)), results);
writeFileSync(INPUTS_PATH, `${JSON.stringify(inputs, null, 2)}\n`);
writeFileSync(CAPACITY_PATH, capacityPage());
for (const b of BENCHES) {
  const from = measured.includes(b)
    ? `figures of ${inputs[b].at} from .bench-results/${b}.json`
    : `no result file, the committed figures (${inputs[b].source})`;
  process.stdout.write(`bench:${b}: ${from}\n`);
}
process.stdout.write(`wrote ${CAPACITY_PATH}\n`);
