import { describe, expect, it } from 'vitest';
import { DomainError, invalidField, notFound, type DomainErrorCode } from '../errors/domain-error.ts';
import { problemOf } from './problem-of.ts';

describe('problemOf', () => {
  it.each<[DomainErrorCode, number, string]>([
    ['validation', 400, 'Invalid request'],
    ['unauthorized', 401, 'Unauthorized'],
    ['payment-declined', 402, 'Payment declined'],
    ['forbidden', 403, 'Forbidden'],
    ['not-a-buyer', 403, 'Not a buyer'],
    ['not-found', 404, 'Not found'],
    ['email-taken', 409, 'Email already registered'],
    ['not-for-sale', 409, 'Not for sale'],
    ['product-exists', 409, 'Product already exists'],
    ['product-archived', 409, 'Product archived'],
    ['product-not-archived', 409, 'Product not archived'],
    ['below-reserved', 409, 'Stock below reserved units'],
    ['price-above-mrp', 422, 'Price above MRP'],
    ['out-of-stock', 409, 'Not enough stock'],
    ['cart-empty', 409, 'Cart is empty'],
    ['too-many-unpaid-orders', 409, 'Too many unpaid orders'],
    ['order-quantity-limit', 422, 'Too many units of one product'],
    ['amount-too-large', 409, 'Amount too large'],
    ['order-not-payable', 409, 'Order cannot be paid'],
    ['payment-deadline-passed', 409, 'Payment deadline passed'],
    ['illegal-transition', 409, 'Illegal order transition'],
    ['order-not-refundable', 409, 'Order cannot be refunded'],
    ['self-demotion', 409, 'Cannot demote yourself'],
    ['url-not-allowed', 422, 'Webhook URL not allowed'],
    ['endpoint-disabled', 409, 'Webhook endpoint disabled'],
    ['already-reviewed', 409, 'Already reviewed'],
    ['idempotency-key-in-use', 409, 'Request in progress'],
    ['idempotency-key-reused', 422, 'Idempotency key reused'],
    ['rate-limited', 429, 'Too many attempts'],
    ['overloaded', 503, 'Service busy'],
    ['payment-gateway-timeout', 504, 'Payment gateway timed out'],
  ])('%s → %i %s', (code, status, title) => {
    expect(problemOf(new DomainError(code, 'why'))).toEqual({ type: `https://problems.commerce.local/${code}`, title, status, detail: 'why' });
  });

  it('carries the details as extension members', () => {
    const lines = [{ product_id: 'p', requested: 2, available: 1 }];
    expect(problemOf(new DomainError('out-of-stock', 'p: 2 requested, 1 available', { lines }))).toEqual({
      type: 'https://problems.commerce.local/out-of-stock',
      title: 'Not enough stock',
      status: 409,
      detail: 'p: 2 requested, 1 available',
      lines,
    });
  });

  it('builds the shared refusals', () => {
    expect(problemOf(notFound('order'))).toMatchObject({ status: 404, detail: 'order not found' });
    expect(problemOf(invalidField('quantity', 'at most 10 per line'))).toEqual({
      type: 'https://problems.commerce.local/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'quantity: at most 10 per line',
      errors: [{ field: 'quantity', message: 'at most 10 per line' }],
    });
  });
});
