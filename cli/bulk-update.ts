import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { config } from '../config/index.ts';
import { createCommerceClient } from '../openapi/sdk/index.ts';
import { CSV_COLUMNS, parseBulkCsv, type LineError } from './bulk-csv.ts';
import { sendBulk } from './bulk-send.ts';

// `npm run admin:bulk -- <file.csv> [--url <edge>] (--token <jwt> | --email <operator> --password <pw>)`
// Applies a price and stock CSV (header: product_id,price_amount,mrp_amount,on_hand,delta,reason;
// see cli/bulk-csv.ts) through the operator API, with a progress bar; prints every refused line
// with its CSV line number and exits with 1 when there was one.
const usage = `usage: npm run admin:bulk -- <file.csv> [--url ${config.EDGE_URL}] (--token <jwt> | --email <e> --password <p>)\nCSV header: ${CSV_COLUMNS.join(',')}`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string', default: config.EDGE_URL }, token: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } },
});

async function signIn(url: string): Promise<string> {
  if (values.token) return values.token;
  if (!values.email || !values.password) throw new Error(`a --token or --email and --password are required\n${usage}`);
  const { data, error } = await createCommerceClient(url).POST('/auth/login', { body: { email: values.email, password: values.password } });
  if (!data) throw new Error(`sign-in refused: ${(error as { detail?: string }).detail ?? 'unknown error'}`);
  return data.access_token;
}

function report(failures: LineError[]): void {
  for (const f of failures.sort((a, b) => a.line - b.line)) console.error(`line ${f.line}: ${f.field}: ${f.message}`);
}

async function main(): Promise<number> {
  const file = positionals[0];
  if (!file) throw new Error(usage);
  const { rows, errors } = parseBulkCsv(readFileSync(file, 'utf8'));
  if (rows.length === 0) {
    report(errors);
    console.error(`bulk: nothing to send from ${file}`);
    return errors.length > 0 ? 1 : 0;
  }
  const token = await signIn(values.url);
  const api = createCommerceClient(values.url, { token: () => token });
  const started = Date.now();
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'bulk |{bar}| {percentage}% {value}/{total} lines', etaBuffer: 50 }, Presets.shades_classic)
    : null;
  bar?.start(rows.length, 0);
  const outcome = await sendBulk(api, rows, (n) => bar?.increment(n));
  bar?.stop();
  const failures = [...errors, ...outcome.failures];
  report(failures);
  const lines = rows.length + new Set(errors.map((e) => e.line)).size;
  console.error(
    `bulk: ${lines} lines of ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${outcome.applied} applied, ${lines - outcome.applied} refused`,
  );
  return failures.length > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`bulk: ${(e as Error).message}`);
  process.exitCode = 1;
}
