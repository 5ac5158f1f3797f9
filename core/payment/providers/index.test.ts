import { describe, expect, it } from 'vitest';
import { createPaymentProvider, providerRefusal, type ProviderSettings } from './index.ts';

describe('payment provider registry', () => {
  const settings = (s: Partial<ProviderSettings> = {}): ProviderSettings => ({
    PAYMENT_PROVIDER: 'sandbox',
    NODE_ENV: 'development',
    PAYMENT_SANDBOX_ENABLED: false,
    ...s,
  });

  it('builds the provider a name selects', () => {
    expect(createPaymentProvider(settings()).name).toBe('sandbox');
  });
  it('refuses an unknown name, listing the known ones', () => {
    expect(() => createPaymentProvider(settings({ PAYMENT_PROVIDER: 'acme' }))).toThrow('PAYMENT_PROVIDER "acme" is not a payment provider (known: sandbox)');
  });

  it.each<[string, Partial<ProviderSettings>, RegExp | null]>([
    ['sandbox in development', {}, null],
    ['sandbox in test', { NODE_ENV: 'test' }, null],
    ['sandbox in production', { NODE_ENV: 'production' }, /PAYMENT_SANDBOX_ENABLED=true/],
    ['sandbox in production, explicitly enabled', { NODE_ENV: 'production', PAYMENT_SANDBOX_ENABLED: true }, null],
    ['an unknown provider in production', { NODE_ENV: 'production', PAYMENT_PROVIDER: 'acme' }, /"acme" is not a payment provider/],
  ])('%s', (_n, s, expected) => {
    const refusal = providerRefusal(settings(s));
    if (expected) expect(refusal).toMatch(expected);
    else expect(refusal).toBeNull();
  });

  it('a refused sandbox stops core at start, naming the setting', () => {
    expect(() => createPaymentProvider(settings({ NODE_ENV: 'production' }))).toThrow(/PAYMENT_SANDBOX_ENABLED/);
  });
});
