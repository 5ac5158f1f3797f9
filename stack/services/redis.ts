import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import type { StackService } from '../service.ts';
import { ensureAptPackage } from '../prereq.ts';
import { log, readPid, startDetached, stopPid, waitFor } from '../proc.ts';

// Redis from the Debian package, as a pure cache: no persistence.
const paths = (cfg: Config) => {
  const dir = join(cfg.stackDir, 'redis');
  return { dir, log: join(dir, 'redis.log'), pid: join(cfg.stackDir, 'pids', 'redis.pid') };
};

export const redisService: StackService = {
  name: 'redis',
  url: (cfg) => `redis://${cfg.REDIS_HOST}:${cfg.REDIS_PORT}`,
  async install() {
    ensureAptPackage('redis-server', 'redis-server');
  },
  async start(cfg) {
    if (await this.healthy(cfg)) return;
    const p = paths(cfg);
    log(`starting Redis on ${cfg.REDIS_HOST}:${cfg.REDIS_PORT}`);
    startDetached({
      cmd: 'redis-server',
      args: [
        '--bind',
        cfg.REDIS_HOST,
        '--port',
        String(cfg.REDIS_PORT),
        '--dir',
        p.dir,
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--maxmemory',
        '512mb',
        '--maxmemory-policy',
        'allkeys-lru',
      ],
      logFile: p.log,
      pidFile: p.pid,
      cwd: p.dir,
    });
    await waitFor('redis', () => this.healthy(cfg), 20_000, p.log);
  },
  stop: (cfg) => stopPid(paths(cfg).pid),
  pid: (cfg) => readPid(paths(cfg).pid),
  async healthy(cfg) {
    const r = new Redis({
      host: cfg.REDIS_HOST,
      port: cfg.REDIS_PORT,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: () => null,
    });
    r.on('error', () => {});
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      r.disconnect();
    }
  },
};
