import { describe, expect, it } from 'vitest';
import { signatureHeader } from './signature.ts';

// The vector was computed apart from this code (Python: hmac.new(secret, f"{t}.{body}", sha256)).
describe('signatureHeader', () => {
  it('signs "<t>.<body>" with the secret string as the key', () => {
    expect(signatureHeader('whsec_test_secret', 1767261600, '{"id":"evt_order_1"}')).toBe(
      't=1767261600,v1=54ff0019223781d40c23f388c7996caea97945ba0c570204c5ed8c6b743e211b',
    );
  });
  it('another timestamp or body gives another signature', () => {
    const base = signatureHeader('whsec_test_secret', 1767261600, '{"id":"evt_order_1"}');
    expect(signatureHeader('whsec_test_secret', 1767261601, '{"id":"evt_order_1"}').split('v1=')[1]).not.toBe(base.split('v1=')[1]);
    expect(signatureHeader('whsec_test_secret', 1767261600, '{"id":"evt_order_2"}').split('v1=')[1]).not.toBe(base.split('v1=')[1]);
  });
});
