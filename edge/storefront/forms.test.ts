import { describe, expect, it } from 'vitest';
import { errorsByField, quantityOf, safeNext } from './forms.ts';

describe('safeNext', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/shop/checkout', '/shop/checkout'],
    ['/shop/product/abc?reviews=2', '/shop/product/abc?reviews=2'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/x\nSet-Cookie: a', '/'],
  ])('%s → %s', (next, out) => expect(safeNext(next)).toBe(out));
});

describe('quantityOf', () => {
  it.each([
    ['1', 1],
    ['10', 10],
    ['1000', 1000],
    ['0', null],
    ['1001', null],
    ['-1', null],
    ['2.5', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (text, n) => expect(quantityOf(text)).toBe(n));
});

describe('errorsByField', () => {
  it('keeps the first message of each field', () => {
    expect(
      errorsByField([
        { path: ['email'], message: 'Invalid email' },
        { path: ['email'], message: 'second' },
        { path: ['password'], message: 'Too short' },
        { path: [], message: 'whole form' },
      ]),
    ).toEqual({ email: 'Invalid email', password: 'Too short', form: 'whole form' });
  });
});
