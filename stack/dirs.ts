import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Config } from '../config/index.ts';
import { isRoot, log, run } from './proc.ts';

/**
 * A data folder for a service that runs as an unprivileged `user`: `.stack/<name>` when that
 * user can reach it, else a folder under /var/lib (a checkout below /root is not traversable).
 */
export function serviceDir(cfg: Config, name: string, user: string | null): string {
  const preferred = join(cfg.stackDir, name);
  mkdirSync(preferred, { recursive: true });
  if (!isRoot || !user) return preferred;
  run('chown', ['-R', `${user}:`, preferred]);
  if (spawnSync('runuser', ['-u', user, '--', 'test', '-w', preferred]).status === 0) return preferred;
  const fallback = join('/var/lib/commerce-stack', createHash('sha1').update(cfg.stackDir).digest('hex').slice(0, 12), name);
  // the parents stay root's and traversable; only the service's own folder changes owner
  mkdirSync(fallback, { recursive: true, mode: 0o755 });
  run('chown', ['-R', `${user}:`, fallback]);
  log(`${user} cannot reach ${preferred}; using ${fallback}`);
  return fallback;
}
