import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { parseEnv, type Env } from './schema.ts';

// The one place that reads process.env (Node side). The edge on Workers parses its
// bindings with parseEnv instead.
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type Config = Env & {
  stackDir: string;
  cacheDir: string;
  catalogCsv: string;
  databaseUrl: string;
};

export function loadConfig(source: Record<string, unknown> = process.env): Config {
  const env = parseEnv(source);
  const cacheDir = env.COMMERCE_CACHE_DIR ?? join((source.XDG_CACHE_HOME as string | undefined) ?? join(homedir(), '.cache'), 'commerce');
  const credentials = `${encodeURIComponent(env.POSTGRES_USER)}:${encodeURIComponent(env.POSTGRES_PASSWORD)}`;
  return {
    ...env,
    stackDir: resolve(env.STACK_DIR ?? join(repoRoot, '.stack')),
    cacheDir,
    catalogCsv: resolve(repoRoot, env.CATALOG_CSV),
    databaseUrl: `postgres://${credentials}@${env.POSTGRES_HOST}:${env.POSTGRES_PORT}/${encodeURIComponent(env.POSTGRES_DB)}`,
  };
}

export const config: Config = loadConfig();

/** The environment for a child process: ours plus overrides (tests start services on other ports). */
export function childEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
