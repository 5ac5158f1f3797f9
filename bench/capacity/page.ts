import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../config/index.ts';
import { planCapacity } from './plan.ts';
import { renderCapacity } from './render.ts';
import { AssumptionsSchema, InputsSchema } from './schema.ts';

// Where the plan's committed files live, and the page they make.
export const ASSUMPTIONS_PATH = join(repoRoot, 'docs/capacity-assumptions.json');
export const INPUTS_PATH = join(repoRoot, 'docs/capacity-inputs.json');
export const CAPACITY_PATH = join(repoRoot, 'docs/capacity.md');

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** docs/capacity.md as the committed assumptions and inputs make it. */
export function capacityPage(): string {
  const assumptions = AssumptionsSchema.parse(readJson(ASSUMPTIONS_PATH));
  const inputs = InputsSchema.parse(readJson(INPUTS_PATH));
  return renderCapacity(planCapacity(assumptions, inputs), assumptions, inputs);
}
