import type { PaymentProvider } from '../provider.ts';
import { sandboxProvider } from './sandbox.ts';

// Every provider core can take payments with, by the name PAYMENT_PROVIDER selects.
const paymentProviders: Record<string, () => PaymentProvider> = {
  sandbox: () => sandboxProvider(),
};

/** The named provider; an unknown name stops core at start, naming the ones it knows. */
export function createPaymentProvider(name: string): PaymentProvider {
  const create = paymentProviders[name];
  if (!create) throw new Error(`PAYMENT_PROVIDER "${name}" is not a payment provider (known: ${Object.keys(paymentProviders).join(', ')})`);
  return create();
}
