import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.ts';
import { repoRoot } from '../config/index.ts';

// The project's own long-running services, started by `npm start` when their entry exists.
export type App = { name: string; entry: string; url: string; health: string; command(cfg: Config): [string, string[]] };

const node = (entry: string) => (): [string, string[]] => [process.execPath, [join(repoRoot, entry)]];

// The Worker cannot read the environment: it gets the settings it parses as bindings.
const WORKER_SETTINGS = [
  'LOG_LEVEL',
  'ELASTICSEARCH_URL',
  'UPSTASH_REDIS_REST_URL',
  'UPSTASH_REDIS_REST_TOKEN',
  'RATE_LIMIT_REDIS_REST_URL',
  'RATE_LIMIT_REDIS_REST_TOKEN',
  'CORE_URL',
  'CORE_URLS',
  'CORE_SERVICE_TOKEN',
  'JWT_PUBLIC_KEYS',
  'SEARCH_INDEX_PREFIX',
] as const;
/** The Worker's settings as its string bindings (Miniflare's bindings in stack/workerd/main.ts). */
export const workerBindings = (cfg: Config): Record<string, string> =>
  Object.fromEntries(
    Object.entries(cfg)
      .filter(
        ([k, v]) =>
          (WORKER_SETTINGS.includes(k as (typeof WORKER_SETTINGS)[number]) || k.startsWith('EDGE_')) &&
          k !== 'EDGE_RUNTIME' &&
          k !== 'EDGE_URL' &&
          v !== undefined,
      )
      .map(([k, v]) => [k, String(v)]),
  );
export function apps(cfg: Config): App[] {
  const metrics = (port: number) => `http://127.0.0.1:${port}`;
  const list: App[] = [
    { name: 'core', entry: 'core/main.ts', url: cfg.CORE_URL, health: `${cfg.CORE_URL}/health`, command: node('core/main.ts') },
    {
      name: 'relay',
      entry: 'cdc/relay/main.ts',
      url: `${metrics(cfg.RELAY_METRICS_PORT)}/metrics`,
      health: `${metrics(cfg.RELAY_METRICS_PORT)}/health`,
      command: node('cdc/relay/main.ts'),
    },
    {
      name: 'indexer',
      entry: 'cdc/indexer/main.ts',
      url: `${metrics(cfg.INDEXER_METRICS_PORT)}/metrics`,
      health: `${metrics(cfg.INDEXER_METRICS_PORT)}/health`,
      command: node('cdc/indexer/main.ts'),
    },
    {
      name: 'webhooks',
      entry: 'cdc/webhooks/main.ts',
      url: `${metrics(cfg.WEBHOOK_METRICS_PORT)}/metrics`,
      health: `${metrics(cfg.WEBHOOK_METRICS_PORT)}/health`,
      command: node('cdc/webhooks/main.ts'),
    },
    {
      name: 'edge',
      entry: cfg.EDGE_RUNTIME === 'node' ? 'edge/node.ts' : 'stack/workerd/main.ts',
      url: cfg.EDGE_URL,
      health: `${cfg.EDGE_URL}/health`,
      command: node(cfg.EDGE_RUNTIME === 'node' ? 'edge/node.ts' : 'stack/workerd/main.ts'),
    },
  ];
  return list.filter((a) => existsSync(join(repoRoot, a.entry)));
}
