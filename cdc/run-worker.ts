import { config } from '../config/index.ts';
import { createLogger, errorFields, type Logger } from './log.ts';

// The process shell shared by the relay and the indexer: start, log, and on SIGTERM/SIGINT
// stop gracefully (flush, confirm, commit) and exit 0.
const STOP_TIMEOUT_MS = 30_000;

export async function runWorker(service: string, start: (log: Logger) => Promise<{ stop(): Promise<void> }>): Promise<void> {
  const log = createLogger(config.LOG_LEVEL, { service });
  const worker = await start(log).catch((e) => {
    log.error(`${service} failed to start`, errorFields(e));
    process.exit(1);
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    // a stop stuck behind an unreachable dependency must not keep the process alive forever
    setTimeout(() => {
      log.error('graceful stop timed out; exiting', { after_ms: STOP_TIMEOUT_MS });
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    worker.stop().then(
      () => process.exit(0),
      (e) => {
        log.error('shutdown failed', errorFields(e));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
