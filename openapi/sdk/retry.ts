// The SDK's retries, as Stripe's clients do them: an answer that says "not now" (429, 503) or
// "too late to tell" (504) is asked again after Retry-After, or a backoff, a bounded number of
// times. A 429 or 503 was refused before any work, so any request may go again; after a 504 the
// work may have been done, so only a request that is safe to repeat does (a read, or a write with
// its Idempotency-Key, which is sent again unchanged and replays the first answer).
export type RetryOptions = {
  /** Attempts in all, the first included (default 4); 1 turns retries off. */
  maxAttempts?: number;
  /** Longest wait before one attempt; a Retry-After beyond it ends the retries (default 10 s). */
  maxDelayMs?: number;
  /** First backoff when no Retry-After is given, doubled at each attempt (default 250 ms). */
  baseDelayMs?: number;
};

const RETRIED = new Set([429, 503, 504]);
const DEFAULTS = { maxAttempts: 4, maxDelayMs: 10_000, baseDelayMs: 250 };

/** Seconds of a Retry-After (delta-seconds or an HTTP date), in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export type Attempt = { status: number; method: string; idempotencyKey: boolean; retryAfter: string | null; attempt: number };

/** How long to wait before asking again after `attempt` (1-based) was answered `status`; null: do not ask again. `random` in [0, 1) spreads backoffs. */
export function retryDelayMs(a: Attempt, opts: RetryOptions, now: number, random: number): number | null {
  const o = { ...DEFAULTS, ...opts };
  if (!RETRIED.has(a.status) || a.attempt >= o.maxAttempts) return null;
  const safe = a.method === 'GET' || a.method === 'HEAD' || a.idempotencyKey;
  if (a.status === 504 && !safe) return null;
  const told = retryAfterMs(a.retryAfter, now);
  if (told !== null) return told <= o.maxDelayMs ? told : null;
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (a.attempt - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}

/** `fetchOnce` with the retries above; the request is re-sent as it was, Idempotency-Key included. */
export function retryingFetch(
  fetchOnce: (r: Request) => Promise<Response>,
  opts: RetryOptions = {},
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): (r: Request) => Promise<Response> {
  return async (request) => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetchOnce(request.clone());
      const wait = retryDelayMs(
        {
          status: res.status,
          method: request.method,
          idempotencyKey: request.headers.has('idempotency-key'),
          retryAfter: res.headers.get('retry-after'),
          attempt,
        },
        opts,
        Date.now(),
        Math.random(),
      );
      if (wait === null) return res;
      await res.body?.cancel();
      await sleep(wait);
    }
  };
}
