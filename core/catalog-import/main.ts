import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { config } from '../../config/index.ts';
import { connect } from '../db/connect.ts';
import { importCatalog } from './import.ts';

// `npm run catalog:import -- [file.csv] [--if-empty]`
const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'if-empty': { type: 'boolean' } } });
const csvPath = positionals[0] ?? config.catalogCsv;
const sql = connect(config, { max: 2 });

try {
  const [{ count }] = await sql<[{ count: number }]>`select count(*)::int as count from products`;
  if (values['if-empty'] && count > 0) {
    console.error(`catalog: ${count} products already loaded; skipping import`);
  } else {
    const tty = process.stderr.isTTY;
    const bar = tty ? new SingleBar({ format: 'catalog |{bar}| {percentage}% {value} lines', etaBuffer: 500 }, Presets.shades_classic) : null;
    bar?.start(21_600, 0);
    const started = Date.now();
    const summary = await importCatalog(sql, csvPath, {
      seed: config.CATALOG_SEED,
      onProgress: (lines) => bar?.update(lines),
      onReject: (r) => {
        if (!tty) console.error(`catalog: line ${r.line} skipped: ${r.reason}`);
      },
    });
    bar?.stop();
    if (tty) for (const r of summary.rejected) console.error(`catalog: line ${r.line} skipped: ${r.reason}`);
    console.error(
      `catalog: ${summary.read} rows read from ${csvPath} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected.length} rejected`,
    );
  }
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  const hint = err.code === 'ENOENT' ? ' (set CATALOG_CSV, or pass the file: npm run catalog:import -- path/to/file.csv)' : '';
  console.error(`catalog: cannot import ${csvPath}: ${err.message}${hint}`);
  process.exitCode = 1;
} finally {
  await sql.end();
}
