import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SPEC_PATH, renderArtifacts, staleArtifacts } from './generate.ts';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

describe('generated contract', () => {
  it('openapi.json, the SDK types and the Postman files match the route definitions (run `npm run openapi` when this fails)', async () => {
    expect(await staleArtifacts()).toEqual([]);
    expect(Object.keys(await renderArtifacts()).map((p) => relative(repoRoot, p))).toEqual([
      'openapi/openapi.json',
      'openapi/sdk/types.ts',
      'openapi/postman/commerce.postman_collection.json',
      'openapi/postman/local.postman_environment.json',
      'openapi/postman/journeys.postman_collection.json',
    ]);
  });

  it('openapi.json passes the Redocly linter with zero errors', async () => {
    const { stdout } = await run(`${repoRoot}/node_modules/.bin/redocly`, ['lint', SPEC_PATH, '--format=json'], { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024 });
    const report = JSON.parse(stdout) as { totals: { errors: number }; problems: { severity: string; message: string }[] };
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });
});
