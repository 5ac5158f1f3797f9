import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryDelayMs, retryingFetch, type Attempt } from './retry.ts';

const NOW = Date.parse('2026-01-01T10:00:00Z');
const at = (over: Partial<Attempt>): Attempt => ({ status: 503, method: 'POST', idempotencyKey: true, retryAfter: null, attempt: 1, ...over });

describe('retryAfterMs', () => {
  it.each([
    [null, null],
    ['', null],
    ['2', 2000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 10:00:03 GMT', 3000],
    ['Thu, 01 Jan 2026 09:00:00 GMT', 0],
    ['soon', null],
  ])('%j → %j', (header, ms) => expect(retryAfterMs(header, NOW)).toBe(ms));
});

describe('retryDelayMs', () => {
  it.each<[string, Partial<Attempt>, number | null]>([
    ['a 200 is final', { status: 200 }, null],
    ['a 400 is final', { status: 400 }, null],
    ['a 500 is final', { status: 500 }, null],
    ['429 honours Retry-After', { status: 429, retryAfter: '2' }, 2000],
    ['429 of a write without a key: refused before any work, so again', { status: 429, idempotencyKey: false, retryAfter: '1' }, 1000],
    ['503 honours Retry-After', { status: 503, retryAfter: '2' }, 2000],
    ['503 without Retry-After: backoff of the first attempt, 125..250 ms', { status: 503, retryAfter: null }, 188],
    ['third attempt backs off longer, 500..1000 ms', { status: 503, attempt: 3 }, 750],
    ['504 of a keyed write: again', { status: 504 }, 188],
    ['504 of a read: again', { status: 504, method: 'GET', idempotencyKey: false }, 188],
    ['504 of a write without a key: it may have happened, never again', { status: 504, idempotencyKey: false }, null],
    ['the last attempt is final', { status: 503, attempt: 4 }, null],
    ['a Retry-After beyond the longest wait ends it', { status: 429, retryAfter: '60' }, null],
  ])('%s', (_what, over, expected) => expect(retryDelayMs(at(over), {}, NOW, 0.5)).toBe(expected));

  it('maxAttempts 1 turns retries off', () => expect(retryDelayMs(at({ retryAfter: '1' }), { maxAttempts: 1 }, NOW, 0.5)).toBeNull());
});

describe('retryingFetch', () => {
  it('re-sends the same request (body and Idempotency-Key) until an answer is final, waiting as told', async () => {
    const seen: { key: string | null; body: string }[] = [];
    const answers = [
      new Response(null, { status: 503, headers: { 'retry-after': '1' } }),
      new Response(null, { status: 429 }),
      new Response('ok', { status: 201 }),
    ];
    const waits: number[] = [];
    const f = retryingFetch(
      async (r) => {
        seen.push({ key: r.headers.get('idempotency-key'), body: await r.text() });
        return answers.shift()!;
      },
      {},
      async (ms) => void waits.push(ms),
    );
    const res = await f(new Request('http://edge/checkout', { method: 'POST', headers: { 'idempotency-key': 'k1' }, body: '{"a":1}' }));
    expect(res.status).toBe(201);
    expect(seen).toEqual([
      { key: 'k1', body: '{"a":1}' },
      { key: 'k1', body: '{"a":1}' },
      { key: 'k1', body: '{"a":1}' },
    ]);
    expect(waits[0]).toBe(1000);
    expect(waits[1]).toBeGreaterThanOrEqual(250);
    expect(waits[1]).toBeLessThanOrEqual(500);
  });
});
