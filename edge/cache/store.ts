import { Redis } from '@upstash/redis';
import type { Logger } from '../log.ts';

// The response cache in Redis (Upstash REST). Every failure is logged and reported as a miss:
// the cache may make reads faster, never make them fail.
export type CachedEntry = { etag: string; body: string };
export type CacheLocation = { key: string; field?: string };

export type CacheStore = {
  get(at: CacheLocation): Promise<CachedEntry | null>;
  set(at: CacheLocation, entry: CachedEntry, ttlSeconds: number): Promise<void>;
  /** The catalog version that search keys embed ('0' until the indexer first bumps it). */
  catalogVersion(): Promise<string>;
};

// One string holds both parts so a hit costs one round-trip and no JSON parse of the body.
const pack = (e: CachedEntry) => `${e.etag}\n${e.body}`;
function unpack(raw: string): CachedEntry | null {
  const nl = raw.indexOf('\n');
  return nl < 0 ? null : { etag: raw.slice(0, nl), body: raw.slice(nl + 1) };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

// Replies as plain JSON strings, not base64: every value the edge stores is UTF-8 text (JSON
// pages, counters), so base64 would only add encoding on the server and a byte-by-byte decode
// here. Auto-pipelining sends the commands of one event-loop turn in one HTTP request.
export function createRedis(url: string, token: string): Redis {
  return new Redis({ url, token, retry: false, automaticDeserialization: false, enableTelemetry: false, responseEncoding: false, enableAutoPipelining: true });
}

export function createCacheStore(redis: Redis, opts: { timeoutMs: number; catalogVersionKey: string; versionMemoMs: number; log: Logger }): CacheStore {
  const { timeoutMs, log } = opts;
  // Search keys need the version on every request; a short in-process memo saves a round-trip.
  let memo: { value: string; until: number } | null = null;
  const failed = (op: string, e: unknown) => log.warn('cache unavailable; serving without it', { op, error: (e as Error).message });
  return {
    async get(at) {
      try {
        const raw = await withTimeout(at.field === undefined ? redis.get<string>(at.key) : redis.hget<string>(at.key, at.field), timeoutMs);
        return typeof raw === 'string' ? unpack(raw) : null;
      } catch (e) {
        failed('get', e);
        return null;
      }
    },
    async set(at, entry, ttlSeconds) {
      try {
        if (at.field === undefined) {
          await withTimeout(redis.set(at.key, pack(entry), { ex: ttlSeconds }), timeoutMs);
        } else {
          const p = redis.pipeline();
          p.hset(at.key, { [at.field]: pack(entry) });
          p.expire(at.key, ttlSeconds);
          await withTimeout(p.exec(), timeoutMs);
        }
      } catch (e) {
        failed('set', e);
      }
    },
    async catalogVersion() {
      const now = Date.now();
      if (memo && memo.until > now) return memo.value;
      try {
        const v = await withTimeout(redis.get<string>(opts.catalogVersionKey), timeoutMs);
        memo = { value: v === null ? '0' : String(v), until: now + opts.versionMemoMs };
        return memo.value;
      } catch (e) {
        failed('catalogVersion', e);
        return memo?.value ?? '0';
      }
    },
  };
}
