import type { SecretSetting } from '../config/production-guards.ts';

// The secrets the edge holds, checked before it serves in production (Workers and Node).
export const EDGE_SECRETS: readonly SecretSetting[] = ['JWT_PUBLIC_KEYS', 'UPSTASH_REDIS_REST_TOKEN', 'RATE_LIMIT_REDIS_REST_TOKEN'];
