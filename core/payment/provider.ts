// What core needs from a payment service provider. A provider keeps no state of ours: it answers
// with its own reference, and the payment module's ledger (ledger.ts) records which provider
// holds each attempt under which reference. Adding a provider: one file in providers/ and one
// line in providers/index.ts.
export type DeclineReason = 'card_declined' | 'insufficient_funds' | 'unknown_token';

export type Authorization =
  | { outcome: 'authorized'; providerRef: string }
  | { outcome: 'declined'; providerRef: string; reason: DeclineReason }
  | { outcome: 'timeout'; providerRef: string };

export type AuthorizeRequest = {
  amount: number;
  currency: string;
  /** The provider's tokenised payment method (a raw card number never reaches core). */
  token: string;
  /** Ours for the payment (the order id), so the provider's records can be matched to ours. */
  reference: string;
};

export type PaymentProvider = {
  readonly name: string;
  /** A slow remote call: made outside any database transaction. */
  authorize(req: AuthorizeRequest): Promise<Authorization>;
  /** Throws when the authorisation cannot be captured. */
  capture(providerRef: string): Promise<void>;
  refund(providerRef: string, amount: number): Promise<void>;
  void(providerRef: string): Promise<void>;
};
