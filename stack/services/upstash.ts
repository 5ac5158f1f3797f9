import { join } from 'node:path';
import type { Config } from '../../config/index.ts';
import { repoRoot } from '../../config/index.ts';
import type { StackService } from '../service.ts';
import { log, readPid, startDetached, stopPid, waitFor } from '../proc.ts';
import { bridgeOf, type BridgeRole } from '../upstash/bridges.ts';

// Our Upstash-compatible REST bridges in front of the local Redis (stack/upstash/): one for the
// cache, one for the rate-limit counters.
function bridgeService(name: string, role: BridgeRole): StackService {
  const paths = (cfg: Config) => ({
    log: join(cfg.stackDir, 'upstash', `${name}.log`),
    pid: join(cfg.stackDir, 'pids', `${name}.pid`),
  });
  return {
    name,
    url: (cfg) => bridgeOf(cfg, role).url,
    async install() {},
    async start(cfg) {
      if (await this.healthy(cfg)) return;
      const p = paths(cfg);
      log(`starting the Upstash REST bridge (${role}) on ${bridgeOf(cfg, role).url}`);
      startDetached({ cmd: process.execPath, args: [join(repoRoot, 'stack', 'upstash', 'main.ts'), role], logFile: p.log, pidFile: p.pid });
      await waitFor(name, () => this.healthy(cfg), 20_000, p.log);
    },
    stop: (cfg) => stopPid(paths(cfg).pid),
    pid: (cfg) => readPid(paths(cfg).pid),
    async healthy(cfg) {
      const { url, token } = bridgeOf(cfg, role);
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: JSON.stringify(['PING']),
          signal: AbortSignal.timeout(1000),
        });
        return res.ok && (await res.json()).result === 'PONG';
      } catch {
        return false;
      }
    },
  };
}

export const upstashService = bridgeService('upstash', 'cache');
export const rateLimitBridgeService = bridgeService('upstash-ratelimit', 'rate-limit');
