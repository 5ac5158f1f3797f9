import type { Config } from '../../../config/index.ts';
import type { PaymentProvider } from '../provider.ts';
import { sandboxProvider } from './sandbox.ts';

// Every provider core can take payments with, by the name PAYMENT_PROVIDER selects.
const paymentProviders: Record<string, () => PaymentProvider> = {
  sandbox: () => sandboxProvider(),
};

export type ProviderSettings = Pick<Config, 'PAYMENT_PROVIDER' | 'NODE_ENV' | 'PAYMENT_SANDBOX_ENABLED'>;

/** Why these settings must not take payments, or null. The sandbox pays any order given tok_success. */
export function providerRefusal(s: ProviderSettings): string | null {
  if (!Object.hasOwn(paymentProviders, s.PAYMENT_PROVIDER)) {
    return `PAYMENT_PROVIDER "${s.PAYMENT_PROVIDER}" is not a payment provider (known: ${Object.keys(paymentProviders).join(', ')})`;
  }
  if (s.PAYMENT_PROVIDER === 'sandbox' && s.NODE_ENV === 'production' && !s.PAYMENT_SANDBOX_ENABLED) {
    return 'PAYMENT_PROVIDER is sandbox, which pays any order given tok_success: refused in production unless PAYMENT_SANDBOX_ENABLED=true';
  }
  return null;
}

/** The selected provider; settings providerRefusal names stop core at start. */
export function createPaymentProvider(s: ProviderSettings): PaymentProvider {
  const refusal = providerRefusal(s);
  if (refusal) throw new Error(refusal);
  return paymentProviders[s.PAYMENT_PROVIDER]!();
}
