import { problem } from '../../openapi/problem.ts';
import type { Problem } from '../../openapi/schemas/common.ts';
import type { DomainError, DomainErrorCode } from '../errors/domain-error.ts';

// The one place a domain refusal becomes HTTP: its status and title. The code is the problem's
// type slug, the error's message its detail, its details the extension members.
const answers: Record<DomainErrorCode, { status: number; title: string }> = {
  validation: { status: 400, title: 'Invalid request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  'payment-declined': { status: 402, title: 'Payment declined' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-a-buyer': { status: 403, title: 'Not a buyer' },
  'not-found': { status: 404, title: 'Not found' },
  'email-taken': { status: 409, title: 'Email already registered' },
  'not-for-sale': { status: 409, title: 'Not for sale' },
  'product-exists': { status: 409, title: 'Product already exists' },
  'product-archived': { status: 409, title: 'Product archived' },
  'product-not-archived': { status: 409, title: 'Product not archived' },
  'below-reserved': { status: 409, title: 'Stock below reserved units' },
  'price-above-mrp': { status: 422, title: 'Price above MRP' },
  'out-of-stock': { status: 409, title: 'Not enough stock' },
  'cart-empty': { status: 409, title: 'Cart is empty' },
  'too-many-unpaid-orders': { status: 409, title: 'Too many unpaid orders' },
  'order-quantity-limit': { status: 422, title: 'Too many units of one product' },
  'amount-too-large': { status: 409, title: 'Amount too large' },
  'order-not-payable': { status: 409, title: 'Order cannot be paid' },
  'payment-deadline-passed': { status: 409, title: 'Payment deadline passed' },
  'illegal-transition': { status: 409, title: 'Illegal order transition' },
  'order-not-refundable': { status: 409, title: 'Order cannot be refunded' },
  'self-demotion': { status: 409, title: 'Cannot demote yourself' },
  'url-not-allowed': { status: 422, title: 'Webhook URL not allowed' },
  'endpoint-disabled': { status: 409, title: 'Webhook endpoint disabled' },
  'already-reviewed': { status: 409, title: 'Already reviewed' },
  'idempotency-key-in-use': { status: 409, title: 'Request in progress' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency key reused' },
  'rate-limited': { status: 429, title: 'Too many attempts' },
  overloaded: { status: 503, title: 'Service busy' },
  'payment-gateway-timeout': { status: 504, title: 'Payment gateway timed out' },
};

export function problemOf(err: DomainError): Problem {
  const { status, title } = answers[err.code];
  return problem(status, err.code, title, err.message, err.details);
}
