import type { Config } from '../../config/index.ts';

// The local stand-ins for the project's two Upstash databases: the response cache and the
// rate-limit counters, each a bridge of its own (address, token) in front of its own Redis
// database, as Upstash gives one database per URL.
export type BridgeRole = 'cache' | 'rate-limit';
export type Bridge = { role: BridgeRole; url: string; token: string; db: number };

export const BRIDGE_ROLES: readonly BridgeRole[] = ['cache', 'rate-limit'];

export function bridgeOf(cfg: Config, role: BridgeRole): Bridge {
  return role === 'cache'
    ? { role, url: cfg.UPSTASH_REDIS_REST_URL, token: cfg.UPSTASH_REDIS_REST_TOKEN, db: 0 }
    : { role, url: cfg.RATE_LIMIT_REDIS_REST_URL, token: cfg.RATE_LIMIT_REDIS_REST_TOKEN, db: 1 };
}

export const isBridgeRole = (value: unknown): value is BridgeRole => BRIDGE_ROLES.includes(value as BridgeRole);
