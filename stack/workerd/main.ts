import type { Readable, Writable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { config } from '../../config/index.ts';
import { hostPort } from '../../config/schema.ts';
import { createLogger } from '../../log/json-logger.ts';
import { workerBindings } from '../apps.ts';
import { bundleWorker } from './bundle.ts';

// The edge Worker under workerd on EDGE_URL's address, with the Worker's settings as its bindings
// and nothing in front of it (`npm start`'s edge; `npm run edge` is wrangler dev, for live reload).
// workerd's own output (the edge's log lines) goes to this process's stdout and stderr.
const log = createLogger(config.LOG_LEVEL, { service: 'edge', runtime: 'workerd' }, (line) => process.stdout.write(`${line}\n`));
const pipe = (from: Readable, to: Writable) => from.pipe(to, { end: false });

const started = Date.now();
const bundle = await bundleWorker().catch((e: unknown) => {
  log.error('bundling the Worker failed', { error: (e as Error).message });
  process.exit(1);
});
const { host, port } = hostPort(config.EDGE_URL);
const mf = new Miniflare({
  ...bundle.options,
  bindings: { ...bundle.vars, ...workerBindings(config) },
  host,
  port,
  cf: false,
  handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
    pipe(stdout, process.stdout);
    pipe(stderr, process.stderr);
  },
});
try {
  const url = await mf.ready;
  log.info('listening', { url: url.origin, start_ms: Date.now() - started });
} catch (e) {
  log.error('workerd failed to start', { error: (e as Error).message });
  await mf.dispose().catch(() => {});
  await bundle.remove();
  process.exit(1);
}

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  await mf.dispose();
  await bundle.remove();
  process.exit(0);
};
// Miniflare's own signal hook would kill workerd and exit 143 at once, leaving the bundle behind;
// this process owns its signals (Miniflare's exit hook still kills workerd if the process dies).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void stop(signal));
}
