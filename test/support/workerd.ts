import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { childEnv, repoRoot } from '../../config/index.ts';
import { WRANGLER_OFFLINE_ENV } from '../../stack/apps.ts';
import { bundleModules } from './workerd-modules.ts';

// The Worker under workerd with nothing in front of it: wrangler bundles wrangler.toml's main as it
// would deploy it (`deploy --dry-run`, with the [[rules]]), and Miniflare runs the bundle with
// wrangler.toml's compatibility date, flags and vars. Requests go straight to workerd's socket,
// whereas `wrangler dev` puts a Node proxy in front that answered 503s and reset connections
// itself under bursts.
const WRANGLER = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js');
const WRANGLER_CONFIG = join(repoRoot, 'wrangler.toml');

async function bundleWorker(outdir: string): Promise<void> {
  const args = [WRANGLER, 'deploy', '--dry-run', '--outdir', outdir, '--config', WRANGLER_CONFIG];
  await promisify(execFile)(process.execPath, args, { cwd: repoRoot, env: childEnv({ ...WRANGLER_OFFLINE_ENV, WRANGLER_HIDE_BANNER: 'true' }) });
}

/** Bundles and runs the Worker on a free loopback port with `vars` over wrangler.toml's; workerd's output goes to `log`. */
export async function runWorker(vars: Record<string, string>, log: (text: string) => void): Promise<{ url: string; stop(): Promise<void> }> {
  const outdir = await mkdtemp(join(tmpdir(), 'workerd-bundle-'));
  try {
    await bundleWorker(outdir);
    const { main, workerOptions } = unstable_getMiniflareWorkerOptions(WRANGLER_CONFIG);
    const entry = basename(main ?? 'index.js').replace(/\.[cm]?[jt]sx?$/, '.js');
    const mf = new Miniflare({
      modules: bundleModules(entry, await readdir(outdir), workerOptions.modulesRules ?? []).map((m) => ({ ...m, path: join(outdir, m.path) })),
      modulesRoot: outdir,
      compatibilityDate: workerOptions.compatibilityDate,
      compatibilityFlags: workerOptions.compatibilityFlags,
      bindings: { ...workerOptions.bindings, ...vars },
      host: '127.0.0.1',
      port: 0,
      cf: false,
      handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
        stdout.on('data', (chunk: Buffer) => log(chunk.toString()));
        stderr.on('data', (chunk: Buffer) => log(chunk.toString()));
      },
    });
    const url = (await mf.ready).origin;
    return {
      url,
      stop: async () => {
        await mf.dispose();
        await rm(outdir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(outdir, { recursive: true, force: true });
    throw e;
  }
}
