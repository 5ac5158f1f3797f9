import type { Tx } from '../db/types.ts';

// What core needs from a payment service provider. Authorisation is a slow remote call made
// outside any database transaction; capture and refund are decided inside the business
// transaction that changes the order, so the ledger and the order can never disagree.
export type DeclineReason = 'card_declined' | 'insufficient_funds' | 'unknown_token';

export type Authorisation =
  | { outcome: 'authorised'; paymentId: string }
  | { outcome: 'declined'; paymentId: string; reason: DeclineReason }
  | { outcome: 'timeout'; paymentId: string };

export type PaymentGateway = {
  authorise(req: { orderId: string; amount: number; currency: string; token: string }): Promise<Authorisation>;
  /** Throws if the authorisation cannot be captured (already captured, voided, unknown). */
  capture(tx: Tx, paymentId: string): Promise<void>;
  void(paymentId: string): Promise<void>;
  /** Refunds the order's captured payment, if any; returns the refunded amount. */
  refund(tx: Tx, orderId: string): Promise<number>;
};
