import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, config } from '../../config/index.ts';
import { schemathesisBin } from '../../stack/prereq.ts';

// Schemathesis (installed by `npm test` into a venv, stack/prereq.ts) against a running service's
// OpenAPI document, every check and every phase, bounded in time; the failures come from its
// JUnit report, one per failed check of an operation (or a stateful scenario).
export type FuzzFailure = { operation: string; message: string };
export type FuzzResult = { exitCode: number; operations: number; failures: FuzzFailure[]; output: string };

export type FuzzOptions = {
  /** The service's origin; the document is read from `${url}/openapi.json`. */
  url: string;
  headers?: Record<string, string>;
  maxSeconds: number;
  /** Test cases per operation and phase (bounds the run when the time budget does not). */
  maxExamples?: number;
  seed?: number;
  /** Operations left out, as schemathesis's `--exclude-path-regex`. */
  excludePathRegex?: string;
};

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#10;/g, '\n')
    .replace(/&amp;/g, '&');

/** The failed test cases of a JUnit report as schemathesis writes it. */
export function junitFailures(xml: string): { operations: number; failures: FuzzFailure[] } {
  const cases = [...xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)];
  const failures: FuzzFailure[] = [];
  for (const [, attrs, , body] of cases) {
    const name = decode(/\bname="([^"]*)"/.exec(attrs ?? '')?.[1] ?? '?');
    for (const f of (body ?? '').matchAll(/<(failure|error)\b[^>]*?(?:message="([^"]*)")?[^>]*?(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      failures.push({ operation: name, message: decode(f[3] ?? f[2] ?? f[1]!).trim() });
    }
  }
  return { operations: cases.length, failures };
}

export async function runSchemathesis(opts: FuzzOptions): Promise<FuzzResult> {
  const dir = mkdtempSync(join(tmpdir(), 'schemathesis-'));
  const junit = join(dir, 'junit.xml');
  const args = [
    '--config-file',
    join(import.meta.dirname, 'schemathesis.toml'),
    'run',
    `${opts.url}/openapi.json`,
    '--url',
    opts.url,
    '--checks',
    'all',
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--max-time',
    String(opts.maxSeconds),
    '--max-examples',
    String(opts.maxExamples ?? 50),
    '--seed',
    String(opts.seed ?? 11),
    '--continue-on-failure',
    '--suppress-health-check',
    'all',
    '--report',
    'junit',
    '--report-junit-path',
    junit,
    '--output-truncate',
    'true',
    '--warnings',
    'off',
    ...(opts.excludePathRegex ? ['--exclude-path-regex', opts.excludePathRegex] : []),
    ...Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['--header', `${k}: ${v}`]),
  ];
  try {
    const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolve, reject) => {
      const child = spawn(schemathesisBin(config.cacheDir), args, { env: childEnv({ NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' }) });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ exitCode: code ?? -1, output: out }));
    });
    let report = { operations: 0, failures: [] as FuzzFailure[] };
    try {
      report = junitFailures(readFileSync(junit, 'utf8'));
    } catch {
      // no report: the run failed before testing; exitCode and output say why
    }
    return { exitCode, ...report, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
