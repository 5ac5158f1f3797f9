import { describe, expect, it } from 'vitest';
import { createPaymentProvider } from './index.ts';

describe('payment provider registry', () => {
  it('builds the provider a name selects', () => {
    expect(createPaymentProvider('sandbox').name).toBe('sandbox');
  });
  it('refuses an unknown name, listing the known ones', () => {
    expect(() => createPaymentProvider('acme')).toThrow('PAYMENT_PROVIDER "acme" is not a payment provider (known: sandbox)');
  });
});
