import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { childEnv, loadConfig, repoRoot } from '../config/index.ts';
import { prepareIsolatedDatabase } from '../test/support/isolated-database.ts';
import { isolatedSettings } from '../test/support/settings.ts';
import { staleSlotsWarning } from '../test/support/stale-slots.ts';
import { replicationSlots } from '../stack/status.ts';

// npm run bench:<name> → node bench/run.ts <name> [args]: prepares the benches' own database
// beside the served one (created, migrated, the catalog loaded) and runs bench/<name>.ts with
// the bench settings, so a bench never writes into what `npm start` serves.
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z-]+$/.test(name)) {
  process.stderr.write('usage: node bench/run.ts <checkout|cdc|edge|webhooks> [args]\n');
  process.exit(2);
}
const settings = isolatedSettings('bench');
const prepared = await prepareIsolatedDatabase(loadConfig(), loadConfig(childEnv(settings)));
process.stderr.write(`bench database ${settings.POSTGRES_DB}: ${prepared.created ? 'created, ' : ''}catalog ready (${prepared.ms} ms)\n`);
const bench = loadConfig(childEnv(settings));
const stale = staleSlotsWarning('bench', bench.POSTGRES_DB, await replicationSlots(bench));
if (stale) process.stderr.write(`${stale}\n`);
const child = spawn(process.execPath, [join(repoRoot, 'bench', `${name}.ts`), ...args], { stdio: 'inherit', cwd: repoRoot, env: childEnv(settings) });
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
