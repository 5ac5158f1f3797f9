import { describe, expect, it } from 'vitest';
import { csrfVerdict } from './csrf.ts';

describe('csrfVerdict', () => {
  it.each([
    [{ sameOrigin: false, sessionToken: null, formToken: undefined }, 'foreign-origin'],
    [{ sameOrigin: false, sessionToken: 't1', formToken: 't1' }, 'foreign-origin'],
    [{ sameOrigin: true, sessionToken: null, formToken: undefined }, 'ok'],
    [{ sameOrigin: true, sessionToken: 't1', formToken: 't1' }, 'ok'],
    [{ sameOrigin: true, sessionToken: 't1', formToken: undefined }, 'bad-token'],
    [{ sameOrigin: true, sessionToken: 't1', formToken: 't2' }, 'bad-token'],
    [{ sameOrigin: true, sessionToken: '', formToken: '' }, 'bad-token'],
  ] as const)('%o → %s', (input, verdict) => expect(csrfVerdict(input)).toBe(verdict));
});
