import { basename, matchesGlob } from 'node:path';

// The modules of a bundle `wrangler deploy --dry-run --outdir` wrote: the entry (named for
// wrangler.toml's main) and one file per module a [[rules]] entry matched, which wrangler names
// `<sha1 of its content>-<its basename>`. A rule's type is found again by the last segment of its
// globs, since the bundle keeps only the basename of the module's path.
export type ModuleRule = { type: string; include: string[] };
type BundleModule = { type: 'ESModule' | 'Text' | 'Data' | 'CompiledWasm'; path: string };

const HASHED = /^[0-9a-f]{40}-/;
const BUNDLE_TYPES = new Set(['ESModule', 'Text', 'Data', 'CompiledWasm']);

export function bundleModules(entry: string, files: string[], rules: ModuleRule[]): BundleModule[] {
  if (!files.includes(entry)) throw new Error(`the bundle has no ${entry}: ${files.join(', ')}`);
  const collected = files
    .filter((f) => HASHED.test(f))
    .map((f): BundleModule => {
      const name = f.replace(HASHED, '');
      const rule = rules.find((r) => r.include.some((glob) => matchesGlob(name, basename(glob))));
      if (!rule || !BUNDLE_TYPES.has(rule.type)) throw new Error(`no module rule of a supported type matches ${f}`);
      return { type: rule.type as BundleModule['type'], path: f };
    });
  return [{ type: 'ESModule', path: entry }, ...collected];
}
