import { randomUUID } from 'node:crypto';
import type { DeclineReason, PaymentProvider } from '../provider.ts';

// An in-process stand-in for a PSP, answering by test token: tok_success, tok_decline,
// tok_insufficient_funds, tok_timeout (which answers after timeoutMs as if the PSP never
// replied). latencyMs slows every authorisation, for tests of calls in flight.
const declines: Record<string, DeclineReason> = { tok_decline: 'card_declined', tok_insufficient_funds: 'insufficient_funds' };

export type SandboxOptions = { latencyMs?: number; timeoutMs?: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function sandboxProvider(opts: SandboxOptions = {}): PaymentProvider {
  return {
    name: 'sandbox',
    async authorize({ token }) {
      if (opts.latencyMs) await sleep(opts.latencyMs);
      const providerRef = `sbx_${randomUUID()}`;
      if (token === 'tok_timeout') {
        await sleep(opts.timeoutMs ?? 50);
        return { outcome: 'timeout', providerRef };
      }
      if (token === 'tok_success') return { outcome: 'authorized', providerRef };
      return { outcome: 'declined', providerRef, reason: declines[token] ?? 'unknown_token' };
    },
    async capture() {},
    async refund() {},
    async void() {},
  };
}
