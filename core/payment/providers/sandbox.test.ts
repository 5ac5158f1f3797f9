import { describe, expect, it } from 'vitest';
import { sandboxProvider } from './sandbox.ts';

describe('sandbox provider', () => {
  const provider = sandboxProvider({ timeoutMs: 1 });
  const authorize = (token: string) => provider.authorize({ amount: 100, currency: 'INR', token, reference: 'order' });
  it.each([
    ['tok_success', { outcome: 'authorized' }],
    ['tok_decline', { outcome: 'declined', reason: 'card_declined' }],
    ['tok_insufficient_funds', { outcome: 'declined', reason: 'insufficient_funds' }],
    ['tok_whatever', { outcome: 'declined', reason: 'unknown_token' }],
    ['tok_timeout', { outcome: 'timeout' }],
  ])('%s → %j', async (token, expected) => {
    const auth = await authorize(token);
    expect(auth).toMatchObject(expected);
    expect(auth.providerRef).toMatch(/^sbx_/);
  });
  it('gives every authorisation its own reference', async () => {
    expect((await authorize('tok_success')).providerRef).not.toBe((await authorize('tok_success')).providerRef);
  });
});
