import { createHash } from 'node:crypto';

// Stripe's idempotency semantics as pure decisions; store.ts does the I/O.

/** JSON with object keys sorted at every level, so equal bodies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export type StoredKey = { state: 'in_flight' | 'done'; request_hash: string; expires_at: Date; locked_at: Date };
export type KeyDecision = 'replay' | 'mismatch' | 'in_flight' | 'abandoned' | 'expired';

/**
 * An in-flight key whose lock is older than `lockTimeoutMs` was claimed by a request that died
 * with its process (a live one finishes well within the timeout): a retry may claim it again.
 * Whether the first attempt committed is decided by the step's own transaction, not here.
 */
export function decideExistingKey(stored: StoredKey, hash: string, now: Date, lockTimeoutMs: number): KeyDecision {
  if (stored.expires_at.getTime() <= now.getTime()) return 'expired';
  if (stored.request_hash !== hash) return 'mismatch';
  if (stored.state === 'done') return 'replay';
  return now.getTime() - stored.locked_at.getTime() >= lockTimeoutMs ? 'abandoned' : 'in_flight';
}

/** Server errors are not remembered: the client may retry them under the same key. */
export function shouldStoreResponse(status: number): boolean {
  return status < 500;
}
