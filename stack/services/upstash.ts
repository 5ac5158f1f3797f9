import { join } from 'node:path';
import type { Config } from '../../config/index.ts';
import { repoRoot } from '../../config/index.ts';
import type { StackService } from '../service.ts';
import { log, readPid, startDetached, stopPid, waitFor } from '../proc.ts';

// Our Upstash-compatible REST bridge in front of the local Redis (stack/upstash/).
const paths = (cfg: Config) => ({
  log: join(cfg.stackDir, 'upstash', 'upstash.log'),
  pid: join(cfg.stackDir, 'pids', 'upstash.pid'),
});

export const upstashService: StackService = {
  name: 'upstash',
  url: (cfg) => cfg.UPSTASH_REDIS_REST_URL,
  async install() {},
  async start(cfg) {
    if (await this.healthy(cfg)) return;
    const p = paths(cfg);
    log(`starting the Upstash REST bridge on ${cfg.UPSTASH_REDIS_REST_URL}`);
    startDetached({ cmd: process.execPath, args: [join(repoRoot, 'stack', 'upstash', 'main.ts')], logFile: p.log, pidFile: p.pid });
    await waitFor('upstash', () => this.healthy(cfg), 20_000, p.log);
  },
  stop: (cfg) => stopPid(paths(cfg).pid),
  pid: (cfg) => readPid(paths(cfg).pid),
  async healthy(cfg) {
    try {
      const res = await fetch(cfg.UPSTASH_REDIS_REST_URL, {
        method: 'POST',
        headers: { authorization: `Bearer ${cfg.UPSTASH_REDIS_REST_TOKEN}` },
        body: JSON.stringify(['PING']),
        signal: AbortSignal.timeout(1000),
      });
      return res.ok && (await res.json()).result === 'PONG';
    } catch {
      return false;
    }
  },
};
