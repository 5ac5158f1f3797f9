import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { childEnv, config, repoRoot } from '../config/index.ts';
import { apps } from './apps.ts';
import { runChecks } from './checks.ts';
import { log, PrereqError, readPid, stopPid, waitFor } from './proc.ts';
import { ensureChromium, ensureSchemathesis } from './prereq.ts';
import { services } from './services.ts';
import { stackStatus } from './status.ts';

// `npm run stack:up|down|status`, `npm run check`, `npm start` and `npm test` all land here (via bootstrap.sh).
const { positionals, values } = parseArgs({ allowPositionals: true, strict: false, options: { json: { type: 'boolean' } } });
const [command = 'status', ...rest] = positionals;

async function up(): Promise<string[]> {
  const started: string[] = [];
  for (const s of services) {
    await s.install(config);
    if (!(await s.healthy(config))) {
      await s.start(config);
      started.push(s.name);
    }
  }
  log(`up: ${services.map((s) => s.name).join(', ')}${started.length ? ` (started ${started.join(', ')})` : ' (already running)'}`);
  return started;
}

async function down(names?: string[]): Promise<void> {
  for (const a of apps(config)) await stopPid(join(config.stackDir, 'pids', `${a.name}.pid`));
  for (const s of [...services].reverse()) {
    if (names && !names.includes(s.name)) continue;
    if (await s.stop(config)) log(`stopped ${s.name}`);
  }
}

function runNode(args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: repoRoot, env: childEnv(extraEnv) });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function prepareData(): Promise<void> {
  if ((await runNode(['core/db/main.ts'])) !== 0) throw new Error('database migration failed');
  if ((await runNode(['core/catalog-import/main.ts', '--if-empty'])) !== 0) throw new Error('catalog import failed');
}

async function start(): Promise<void> {
  const startedServices = await up();
  await prepareData();
  const children: { name: string; child: ChildProcess }[] = [];
  const pidDir = join(config.stackDir, 'pids');
  mkdirSync(pidDir, { recursive: true });
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping the services started by npm start');
    for (const { name, child } of children.reverse()) {
      child.kill('SIGTERM');
      rmSync(join(pidDir, `${name}.pid`), { force: true });
    }
    await down(startedServices);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  for (const app of apps(config)) {
    if (readPid(join(pidDir, `${app.name}.pid`)) !== null) {
      log(`${app.name} already runs; leaving it`);
      continue;
    }
    const [cmd, args] = app.command(config);
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env: childEnv() });
    children.push({ name: app.name, child });
    writeFileSync(join(pidDir, `${app.name}.pid`), `${child.pid}\n`);
    child.on('exit', (code) => {
      if (!stopping) {
        log(`${app.name} exited with ${code}; stopping`);
        void stopAll(1);
      }
    });
    await waitFor(app.name, async () => (await fetch(app.health, { signal: AbortSignal.timeout(2000) })).ok, 120_000);
  }
  const rows = [...services.map((s) => [s.name, s.url(config)]), ...apps(config).map((a) => [a.name, a.url]), ['shop', `${new URL(config.EDGE_URL).origin}/`]];
  process.stdout.write(`\nThe system is up (Ctrl-C stops what this command started):\n${rows.map(([n, u]) => `  ${n!.padEnd(14)} ${u}`).join('\n')}\n\n`);
}

async function test(): Promise<number> {
  // a broken rule (types, format, lint, dependency arrows, dead code) fails the run before any server is touched
  if ((await runChecks()) !== 0) return 1;
  // the browser tests need it; the shop itself (npm start) does not
  ensureChromium();
  // the contract fuzz (test/contract-fuzz.test.ts) runs it
  ensureSchemathesis(config.cacheDir);
  await up();
  await prepareData();
  return runNode([join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...rest], { NODE_ENV: 'test' });
}

async function status(): Promise<number> {
  const report = await stackStatus(config);
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const s of report.services)
      process.stdout.write(`${s.healthy ? 'healthy ' : 'DOWN    '} ${s.name.padEnd(14)} pid ${String(s.pid ?? '-').padEnd(8)} ${s.url}\n`);
    for (const s of report.replication_slots) {
      process.stdout.write(
        `slot     ${s.name.padEnd(14)} ${s.active ? 'active  ' : 'INACTIVE'} lag ${s.lag_bytes ?? '?'} bytes (wal ${s.wal_status ?? '?'}) in ${s.database}\n`,
      );
    }
  }
  return report.services.filter((s) => services.some((x) => x.name === s.name)).every((s) => s.healthy) ? 0 : 1;
}

try {
  switch (command) {
    case 'up':
      await up();
      break;
    case 'down':
      await down();
      break;
    case 'status':
      process.exitCode = await status();
      break;
    case 'start':
      await start();
      break;
    case 'test':
      process.exitCode = await test();
      break;
    case 'check':
      process.exitCode = await runChecks();
      break;
    default:
      log(`unknown command '${command}': use up, down, status [--json], start, test or check`);
      process.exitCode = 2;
  }
} catch (e) {
  log(e instanceof PrereqError ? `missing prerequisite: ${e.message}` : (e as Error).message);
  process.exitCode = 1;
}
