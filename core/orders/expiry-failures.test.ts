import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './expiry-failures.ts';

describe('retryDelaySeconds', () => {
  it.each([
    [0, 60],
    [1, 60],
    [2, 120],
    [3, 240],
    [6, 1920],
    [7, 3600],
    [50, 3600],
  ])('after %i failures: %i s', (attempts, seconds) => expect(retryDelaySeconds(attempts)).toBe(seconds));
});
