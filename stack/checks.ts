import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../config/index.ts';
import { log } from './proc.ts';

// `npm run check`, and the first step of `npm test`: the rules a change must keep, checked
// before any server starts. Every check runs even after one fails, so one run lists all
// findings; each tool prints its own.
type Check = { name: string; tool: string; args: string[] };

const checks: Check[] = [
  { name: 'types', tool: 'tsc', args: ['-p', '.'] },
  { name: 'format and lint (biome.json)', tool: 'biome', args: ['ci', '--error-on-warnings', '.'] },
  { name: 'dependency rules (.dependency-cruiser.cjs)', tool: 'depcruise', args: ['.', '--output-type', 'err'] },
  { name: 'unused files, exports and dependencies (knip.jsonc)', tool: 'knip', args: [] },
];

function run(check: Check): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules', '.bin', check.tool), ...check.args], { cwd: repoRoot, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs every check in turn; 0 when all pass. */
export async function runChecks(): Promise<number> {
  const failed: string[] = [];
  for (const check of checks) {
    const started = Date.now();
    const code = await run(check);
    log(`check ${check.name}: ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (code !== 0) failed.push(check.name);
  }
  if (failed.length) log(`checks failed: ${failed.join('; ')}`);
  return failed.length ? 1 : 0;
}
