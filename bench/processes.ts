import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, repoRoot } from '../config/index.ts';

// The services a bench runs as the deployed system does, each its own process with the bench's
// settings plus its own, logging to <tmp>/bench-<name>.log; healthy before it is returned.
export type BenchProcess = { url: string; pid: number; logFile: string; stop(): Promise<void> };

export async function startProcess(name: string, args: string[], settings: Record<string, string>, health: string, timeoutMs = 60_000): Promise<BenchProcess> {
  const logFile = join(tmpdir(), `bench-${name}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: childEnv(settings), stdio: ['ignore', log, log] });
  closeSync(log);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGCONT');
      child.kill('SIGTERM');
    });
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
    const ok = await fetch(health, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url: new URL(health).origin, pid: child.pid!, logFile, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${name}: ${health} not healthy within ${timeoutMs} ms; see ${logFile}`);
}

/** A project entry (core/main.ts, cdc/relay/main.ts, edge/node.ts, ...). */
export const startEntry = (name: string, entry: string, settings: Record<string, string>, health: string): Promise<BenchProcess> =>
  startProcess(name, [join(repoRoot, entry)], settings, health);

/** The edge Worker under workerd on `port`, as `npm start` runs it (stack/workerd/main.ts: bundled by wrangler, run by Miniflare). */
export function startWorkerdEdge(name: string, settings: Record<string, string>, port: number): Promise<BenchProcess> {
  const url = `http://127.0.0.1:${port}`;
  return startProcess(name, [join(repoRoot, 'stack/workerd/main.ts')], { ...settings, EDGE_URL: url }, `${url}/health`, 120_000);
}
