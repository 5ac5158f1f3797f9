import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { MiniflareOptions } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { childEnv, repoRoot } from '../../config/index.ts';
import { bundleModules } from './modules.ts';

// The Worker as it would be deployed: wrangler bundles wrangler.toml's main (`deploy --dry-run`,
// with the [[rules]]) and wrangler.toml gives the compatibility date, flags and vars Miniflare
// runs it with. Requests then go straight to workerd's socket, whereas `wrangler dev` puts a
// Node proxy in front that answered 503s and reset connections itself under bursts.
const WRANGLER = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js');
const WRANGLER_CONFIG = join(repoRoot, 'wrangler.toml');

// wrangler would otherwise reach out to Cloudflare (the Request.cf object, telemetry); the local
// edge must start without network.
const WRANGLER_OFFLINE_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true' };

export type WorkerBundle = {
  options: Pick<MiniflareOptions, 'modules' | 'modulesRoot' | 'compatibilityDate' | 'compatibilityFlags'>;
  /** wrangler.toml's vars */
  vars: Record<string, unknown>;
  remove(): Promise<void>;
};

/** Bundles the Worker into a temporary folder that `remove` deletes. */
export async function bundleWorker(): Promise<WorkerBundle> {
  const outdir = await mkdtemp(join(tmpdir(), 'workerd-bundle-'));
  const remove = () => rm(outdir, { recursive: true, force: true });
  try {
    const args = [WRANGLER, 'deploy', '--dry-run', '--outdir', outdir, '--config', WRANGLER_CONFIG];
    await promisify(execFile)(process.execPath, args, { cwd: repoRoot, env: childEnv(WRANGLER_OFFLINE_ENV) });
    const { main, workerOptions } = unstable_getMiniflareWorkerOptions(WRANGLER_CONFIG);
    const entry = basename(main ?? 'index.js').replace(/\.[cm]?[jt]sx?$/, '.js');
    const modules = bundleModules(entry, await readdir(outdir), workerOptions.modulesRules ?? []).map((m) => ({ ...m, path: join(outdir, m.path) }));
    return {
      options: { modules, modulesRoot: outdir, compatibilityDate: workerOptions.compatibilityDate, compatibilityFlags: workerOptions.compatibilityFlags },
      vars: workerOptions.bindings ?? {},
      remove,
    };
  } catch (e) {
    await remove();
    throw e;
  }
}
