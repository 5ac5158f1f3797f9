import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config/index.ts';

// The committed rules, run over a small tree written for each arrow: a forbidden import must
// be reported under the rule that names it, an allowed one must pass.
const { forbidden, options } = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs')) as IConfiguration;

const cases: { from: string; to: string; rules: string[] }[] = [
  { from: 'edge/a.ts', to: 'openapi/schemas/b.ts', rules: [] },
  { from: 'edge/a.ts', to: 'config/b.ts', rules: [] },
  { from: 'edge/a.ts', to: 'log/b.ts', rules: [] },
  { from: 'edge/a.ts', to: 'edge/http/b.ts', rules: [] },
  { from: 'edge/a.ts', to: 'core/b.ts', rules: ['edge-imports'] },
  { from: 'edge/a.ts', to: 'cdc/b.ts', rules: ['edge-imports'] },
  { from: 'edge/a.ts', to: 'stack/b.ts', rules: ['edge-imports'] },
  { from: 'core/a.ts', to: 'openapi/b.ts', rules: [] },
  { from: 'core/a.ts', to: 'edge/b.ts', rules: ['core-imports'] },
  { from: 'core/a.ts', to: 'cdc/b.ts', rules: ['core-imports'] },
  { from: 'cdc/relay/a.ts', to: 'core/db/b.ts', rules: ['cdc-imports'] },
  { from: 'cdc/a.ts', to: 'edge/b.ts', rules: ['cdc-imports'] },
  { from: 'stack/a.ts', to: 'config/b.ts', rules: [] },
  { from: 'stack/a.ts', to: 'core/b.ts', rules: ['stack-imports'] },
  { from: 'stack/a.ts', to: 'edge/b.ts', rules: ['stack-imports'] },
  { from: 'cli/a.ts', to: 'openapi/sdk/b.ts', rules: [] },
  { from: 'cli/a.ts', to: 'config/b.ts', rules: [] },
  { from: 'cli/a.ts', to: 'log/b.ts', rules: [] },
  { from: 'cli/a.ts', to: 'core/b.ts', rules: ['cli-imports'] },
  { from: 'cli/a.ts', to: 'edge/b.ts', rules: ['cli-imports'] },
  { from: 'core/a.ts', to: 'cli/b.ts', rules: ['core-imports', 'no-cli-imports'] },
  { from: 'stack/a.ts', to: 'cli/b.ts', rules: ['stack-imports', 'no-cli-imports'] },
  { from: 'test/a.ts', to: 'cli/b.ts', rules: [] },
  { from: 'openapi/a.ts', to: 'edge/b.ts', rules: ['openapi-imports'] },
  { from: 'openapi/a.ts', to: 'config/b.ts', rules: ['openapi-imports'] },
  { from: 'config/a.ts', to: 'log/b.ts', rules: ['config-imports'] },
  { from: 'log/a.ts', to: 'openapi/b.ts', rules: ['log-imports'] },
  { from: 'core/a.ts', to: 'test/b.ts', rules: ['core-imports', 'no-test-or-bench-imports'] },
  { from: 'edge/a.ts', to: 'bench/b.ts', rules: ['edge-imports', 'no-test-or-bench-imports'] },
  { from: 'a.ts', to: 'test/b.ts', rules: ['no-test-or-bench-imports'] },
  { from: 'vitest.config.ts', to: 'test/support/b.ts', rules: [] },
  { from: 'test/a.ts', to: 'core/b.ts', rules: [] },
  { from: 'test/a.ts', to: 'bench/b.ts', rules: [] },
  { from: 'bench/a.ts', to: 'edge/b.ts', rules: [] },
  { from: 'edge/a.ts', to: 'edge/missing.ts', rules: ['no-unresolvable'] },
];

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'depcruise-'));
  roots.push(root);
  const all = { 'tsconfig.json': '{"compilerOptions":{"allowImportingTsExtensions":true,"noEmit":true}}', ...files };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function violations(root: string): Promise<string[]> {
  const result = await cruise(['.'], { ...options, validate: true, ruleSet: { forbidden }, baseDir: root });
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations.map((v) => v.rule.name).sort();
}

function relativeImport(from: string, to: string): string {
  const up = '../'.repeat(from.split('/').length - 1);
  return `${up || './'}${to}`;
}

describe('.dependency-cruiser.cjs', () => {
  it.each(cases)('$from → $to: $rules', async ({ from, to, rules }) => {
    const files: Record<string, string> = { [from]: `import { b } from '${relativeImport(from, to)}';\nexport const a = b;\n` };
    if (!to.includes('missing')) files[to] = 'export const b = 1;\n';
    expect(await violations(tree(files))).toEqual([...rules].sort());
  });

  it('node: built-ins and npm packages are allowed everywhere, including openapi/', async () => {
    const root = tree({
      'node_modules/zod/package.json': '{"name":"zod","main":"index.js"}',
      'node_modules/zod/index.js': 'export const z = 1;\n',
      'openapi/a.ts': "import { z } from 'zod';\nimport { join } from 'node:path';\nexport const a = [z, join];\n",
    });
    expect(await violations(root)).toEqual([]);
  });

  it('an import cycle is reported', async () => {
    const root = tree({
      'core/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'core/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
    });
    expect(await violations(root)).toEqual(['no-circular']);
  });
});
