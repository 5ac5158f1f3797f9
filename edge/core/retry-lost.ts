// A connection lost before core answered may or may not have reached it. Sending the request
// again is safe only when acting twice is harmless: a read, or a write carrying an
// Idempotency-Key (core answers the second with the first's result). The budget is small and
// every attempt shares the request's one deadline, so a retry never extends the edge's timeout.
export const LOST_CONNECTION_RETRIES = 2;
const BACKOFF_MS = [25, 100];

export type LostAttempt = { method: string; hasIdempotencyKey: boolean; retriesDone: number; errorName: string };

/** Milliseconds to wait before sending again, or null to give up. */
export function retryAfterLostConnection(a: LostAttempt): number | null {
  if (a.errorName === 'TimeoutError' || a.errorName === 'AbortError') return null;
  if (a.retriesDone >= LOST_CONNECTION_RETRIES) return null;
  const safe = a.method === 'GET' || a.method === 'HEAD' || a.hasIdempotencyKey;
  return safe ? (BACKOFF_MS[a.retriesDone] ?? BACKOFF_MS.at(-1)!) : null;
}
