import { describe, expect, it } from 'vitest';
import { type LostAttempt, retryAfterLostConnection } from './retry-lost.ts';

const lost = (over: Partial<LostAttempt>): LostAttempt => ({ method: 'GET', hasIdempotencyKey: false, retriesDone: 0, errorName: 'TypeError', ...over });

describe('retryAfterLostConnection', () => {
  it.each([
    ['a read, first loss', lost({}), 25],
    ['a read, second loss', lost({ retriesDone: 1 }), 100],
    ['a read, budget spent', lost({ retriesDone: 2 }), null],
    ['HEAD', lost({ method: 'HEAD' }), 25],
    ['a keyed write', lost({ method: 'POST', hasIdempotencyKey: true }), 25],
    ['a keyed delete, second loss', lost({ method: 'DELETE', hasIdempotencyKey: true, retriesDone: 1 }), 100],
    ['a write without a key may have acted', lost({ method: 'POST' }), null],
    ['a timeout is not a lost connection', lost({ errorName: 'TimeoutError' }), null],
    ['an abort ends the request', lost({ errorName: 'AbortError', hasIdempotencyKey: true }), null],
  ])('%s', (_, attempt, wait) => {
    expect(retryAfterLostConnection(attempt)).toBe(wait);
  });
});
