import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from './webhooks.ts';

// The vector was computed apart from this code (Python: hmac.new(secret, f"{t}.{body}", sha256)).
const SECRET = 'whsec_test_secret';
const T = 1767261600;
const BODY = '{"id":"evt_order_1"}';
const V1 = '54ff0019223781d40c23f388c7996caea97945ba0c570204c5ed8c6b743e211b';
const OTHER = 'aa'.repeat(32);

describe('verifyWebhookSignature', () => {
  it.each<[string, Partial<Parameters<typeof verifyWebhookSignature>[0]>, Awaited<ReturnType<typeof verifyWebhookSignature>>]>([
    ['the vector', {}, { valid: true, timestamp: T }],
    ['the body as bytes', { body: new TextEncoder().encode(BODY) }, { valid: true, timestamp: T }],
    ['upper-case hex', { header: `t=${T},v1=${V1.toUpperCase()}` }, { valid: true, timestamp: T }],
    ['spaces after commas', { header: `t=${T}, v1=${V1}` }, { valid: true, timestamp: T }],
    ['one of two signatures matches (secret rotation)', { header: `t=${T},v1=${OTHER},v1=${V1}` }, { valid: true, timestamp: T }],
    ['an unknown scheme beside v1 is ignored', { header: `t=${T},v0=zz,v1=${V1}` }, { valid: true, timestamp: T }],
    ['299 s old: within the default 300 s', { now: T + 299 }, { valid: true, timestamp: T }],
    ['301 s old', { now: T + 301 }, { valid: false, reason: 'timestamp outside tolerance' }],
    ['301 s ahead', { now: T - 301 }, { valid: false, reason: 'timestamp outside tolerance' }],
    ['a tolerance of one hour', { now: T + 3000, toleranceSeconds: 3600 }, { valid: true, timestamp: T }],
    ['a changed body', { body: '{"id":"evt_order_2"}' }, { valid: false, reason: 'signature mismatch' }],
    ['another secret', { secret: 'whsec_other' }, { valid: false, reason: 'signature mismatch' }],
    ['the secret without its prefix', { secret: 'test_secret' }, { valid: false, reason: 'signature mismatch' }],
    ['another timestamp in the header', { header: `t=${T + 1},v1=${V1}`, now: T + 1 }, { valid: false, reason: 'signature mismatch' }],
    ['no header', { header: null }, { valid: false, reason: 'malformed header' }],
    ['no timestamp', { header: `v1=${V1}` }, { valid: false, reason: 'malformed header' }],
    ['no signature', { header: `t=${T}` }, { valid: false, reason: 'malformed header' }],
    ['a signature that is not hex', { header: `t=${T},v1=xyz` }, { valid: false, reason: 'malformed header' }],
    ['a timestamp that is not a number', { header: `t=soon,v1=${V1}` }, { valid: false, reason: 'malformed header' }],
  ])('%s', async (_, over, expected) => {
    expect(await verifyWebhookSignature({ secret: SECRET, header: `t=${T},v1=${V1}`, body: BODY, now: T, ...over })).toEqual(expected);
  });
});
