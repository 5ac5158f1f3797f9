import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Process plumbing for the local stack: run a command, start a detached daemon with a
// pid file, wait for health, stop by pid. Everything here is loopback-only.

export class PrereqError extends Error {}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function log(msg: string): void {
  process.stderr.write(`stack: ${msg}\n`);
}

export function has(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

export function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw new Error(`${cmd} failed to start: ${r.error.message}`);
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}\n${out}`);
  }
  return String(r.stdout ?? '');
}

/** Wraps a command so it runs as `user` when we are root (Postgres and Elasticsearch refuse root). */
export function asUser(user: string | null, cmd: string, args: string[]): [string, string[]] {
  return user && isRoot ? ['runuser', ['-u', user, '--', cmd, ...args]] : [cmd, args];
}

export function startDetached(opts: { cmd: string; args: string[]; logFile: string; pidFile: string; env?: NodeJS.ProcessEnv; cwd?: string }): number {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  mkdirSync(dirname(opts.pidFile), { recursive: true });
  const fd = openSync(opts.logFile, 'a');
  const child = spawn(opts.cmd, opts.args, {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: opts.env,
    cwd: opts.cwd,
  });
  closeSync(fd);
  child.unref();
  if (!child.pid) throw new Error(`could not start ${opts.cmd}`);
  writeFileSync(opts.pidFile, `${child.pid}\n`);
  return child.pid;
}

export function readPid(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]?.trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function stopPid(pidFile: string, graceMs = 20_000): Promise<boolean> {
  const pid = readPid(pidFile);
  if (pid === null) {
    rmSync(pidFile, { force: true });
    return false;
  }
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) signalGroup(pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
  return true;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(label: string, check: () => Promise<boolean>, timeoutMs: number, logFile?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(500);
  }
  const tail = logFile && existsSync(logFile) ? `\n--- last lines of ${logFile} ---\n${readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')}` : '';
  throw new Error(`${label} did not become healthy within ${Math.round(timeoutMs / 1000)} s${tail}`);
}
