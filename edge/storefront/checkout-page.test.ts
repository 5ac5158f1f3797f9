import { describe, expect, it } from 'vitest';
import { addressOf, formErrors } from './checkout-page.ts';

describe('addressOf', () => {
  it('keeps required fields, drops empty optional ones, adds the country', () => {
    expect(addressOf({ name: ' Asha ', line1: '1 MG Road', line2: '', city: 'Pune', state: 'MH', postal_code: '411001', phone: '' })).toEqual({
      country: 'IN',
      name: 'Asha',
      line1: '1 MG Road',
      city: 'Pune',
      state: 'MH',
      postal_code: '411001',
    });
    expect(addressOf({})).toMatchObject({ name: '', line1: '', city: '', state: '', postal_code: '' });
  });
});

describe('formErrors', () => {
  it.each([
    [[{ field: 'shipping_address.postal_code', message: 'a 6-digit PIN code' }], { byField: { postal_code: 'a 6-digit PIN code' }, other: [] }],
    [
      [
        { field: 'shipping_address.city', message: 'too short' },
        { field: 'shipping_address.city', message: 'second' },
        { field: 'header.idempotency-key', message: 'missing' },
      ],
      { byField: { city: 'too short' }, other: ['header.idempotency-key: missing'] },
    ],
    [undefined, { byField: {}, other: [] }],
  ])('%o', (errors, out) => expect(formErrors(errors)).toEqual(out));
});
