import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { childEnv, loadConfig, repoRoot } from '../../config/index.ts';
import { createEdge, type EdgeOptions } from '../../edge/app.ts';
import { nodeEdgeOptions } from '../../edge/node-runtime.ts';
import { serviceLog, tailOf } from './test-logs.ts';

// Test support: runs the edge (on Node in-process, or under workerd through npm start's runner,
// stack/workerd/main.ts) and other entries as child processes, each on a free port of its own.
export type Running = { url: string; stop(): Promise<void> };
/** A child process: also killed -9 on demand (resolves once it exited). */
export type RunningProcess = Running & { pid: number; kill(): Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitHealthy(url: string, child: ChildProcess | null, timeoutMs: number, output: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms:\n${output()}`);
}

export async function startNodeEdge(settings: Record<string, string>, opts: Partial<EdgeOptions> = {}): Promise<Running> {
  const edge = createEdge({ ...loadConfig(childEnv()), ...settings }, { ...nodeEdgeOptions, logSink: serviceLog('edge-node').write, ...opts });
  const port = await freePort();
  const server = serve({ fetch: edge.fetch, hostname: '127.0.0.1', port });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/health`, null, 10_000, () => '');
  return { url, stop: () => new Promise((r) => server.close(() => r())) };
}

function spawnService(name: string, cmd: string, args: string[], env: Record<string, string>, health: string, timeoutMs: number): Promise<RunningProcess> {
  const log = serviceLog(name);
  const child = spawn(cmd, args, { cwd: repoRoot, env: childEnv(env), stdio: ['ignore', log.fd, log.fd] });
  const output = () => tailOf(log.path);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return waitHealthy(health, child, timeoutMs, output).then(
    () => ({ url: new URL(health).origin, stop, kill, pid: child.pid! }),
    async (e: unknown) => {
      await stop();
      throw e;
    },
  );
}

/** The edge Worker under workerd, as `npm start` runs it (stack/workerd/main.ts), given the settings as its bindings; logs to `logName`. */
export async function startWorkerdEdge(settings: Record<string, string>, logName = 'edge-workerd'): Promise<RunningProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  return spawnService(logName, process.execPath, [join(repoRoot, 'stack/workerd/main.ts')], { ...settings, EDGE_URL: url }, `${url}/health`, 90_000);
}

/** A Node entry of the project (core/main.ts, cdc/...) with its own settings; its log is named for its folder (core, relay, indexer) unless `logName` is given. */
export function startEntry(entry: string, settings: Record<string, string>, health: string, logName = basename(dirname(entry))): Promise<RunningProcess> {
  return spawnService(logName, process.execPath, [join(repoRoot, entry)], settings, health, 60_000);
}

/** `count` instances of an entry side by side, each given a free port of its own (`at` names its settings and health URL); logs <folder>-1, <folder>-2, ... */
export async function startEntries(
  entry: string,
  count: number,
  at: (port: number) => { settings: Record<string, string>; health: string },
): Promise<RunningProcess[]> {
  const ports: number[] = [];
  while (ports.length < count) ports.push(await freePort());
  return Promise.all(ports.map((port, i) => startEntry(entry, at(port).settings, at(port).health, `${basename(dirname(entry))}-${i + 1}`)));
}
