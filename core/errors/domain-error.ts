// What a domain step refuses, by a stable code and a sentence for people, with the facts a client
// needs (`details`, e.g. the short lines of a checkout). The domain says nothing about HTTP:
// core/http/problem-of.ts is the one table from code to status and title.
export type DomainErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'email-taken'
  | 'not-for-sale'
  | 'product-exists'
  | 'product-archived'
  | 'product-not-archived'
  | 'below-reserved'
  | 'price-above-mrp'
  | 'out-of-stock'
  | 'cart-empty'
  | 'too-many-unpaid-orders'
  | 'order-quantity-limit'
  | 'amount-too-large'
  | 'order-not-payable'
  | 'payment-deadline-passed'
  | 'payment-declined'
  | 'payment-gateway-timeout'
  | 'illegal-transition'
  | 'order-not-refundable'
  | 'self-demotion'
  | 'url-not-allowed'
  | 'endpoint-disabled'
  | 'not-a-buyer'
  | 'already-reviewed'
  | 'idempotency-key-reused'
  | 'idempotency-key-in-use'
  | 'rate-limited'
  | 'overloaded';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: DomainErrorCode, detail: string, details: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

// The refusals several domains share; each returns the error for the caller to throw.
export const notFound = (what: string) => new DomainError('not-found', `${what} not found`);
export const unauthorized = (detail: string) => new DomainError('unauthorized', detail);
export const invalidField = (field: string, message: string, detail = `${field}: ${message}`) =>
  new DomainError('validation', detail, { errors: [{ field, message }] });
