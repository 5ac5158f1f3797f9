import { describe, expect, it } from 'vitest';
import { DEV_JWT_PRIVATE_KEY, DEV_JWT_PUBLIC_KEYS } from './dev-keys.ts';
import { unsafeSettings, unsafeStartMessage, type SecretSetting } from './production-guards.ts';
import { parseEnv } from './schema.ts';

const strong = 'kq3V9xR2mT7wZp4LbN8cJf6HsD1yGu5E';
const otherKey = JSON.stringify({
  kty: 'OKP',
  crv: 'Ed25519',
  kid: 'k1',
  x: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde',
  d: 'zYxWvUtSrQpOnMlKjIhGfEdCbA9876543210_-edcba',
});
const otherKeys = JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', kid: 'k1', x: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde' }] });
const safe = {
  NODE_ENV: 'production',
  JWT_PRIVATE_KEY: otherKey,
  JWT_PUBLIC_KEYS: otherKeys,
  UPSTASH_REDIS_REST_TOKEN: strong,
  RATE_LIMIT_REDIS_REST_TOKEN: `${strong}-limits`,
  POSTGRES_PASSWORD: strong,
  ADMIN_PASSWORD: 'a long operator pass',
};
const all: SecretSetting[] = [
  'JWT_PRIVATE_KEY',
  'JWT_PUBLIC_KEYS',
  'UPSTASH_REDIS_REST_TOKEN',
  'RATE_LIMIT_REDIS_REST_TOKEN',
  'POSTGRES_PASSWORD',
  'ADMIN_PASSWORD',
];
const check = (overrides: Record<string, string | undefined>, uses = all) => unsafeSettings(parseEnv({ ...safe, ...overrides }), uses);

describe('unsafeSettings', () => {
  it('finds nothing with strong secrets of our own', () => {
    expect(check({})).toEqual([]);
  });

  it.each([
    ['the development private key', { JWT_PRIVATE_KEY: DEV_JWT_PRIVATE_KEY }, 'JWT_PRIVATE_KEY', /development key/],
    ['the development private key by default', { JWT_PRIVATE_KEY: undefined }, 'JWT_PRIVATE_KEY', /development key/],
    ['a JWKS trusting the development key', { JWT_PUBLIC_KEYS: DEV_JWT_PUBLIC_KEYS }, 'JWT_PUBLIC_KEYS', /development key/],
    ['the default Upstash token', { UPSTASH_REDIS_REST_TOKEN: undefined }, 'UPSTASH_REDIS_REST_TOKEN', /default/],
    ['a short Upstash token', { UPSTASH_REDIS_REST_TOKEN: 'abcdefgh1234' }, 'UPSTASH_REDIS_REST_TOKEN', /shorter than 32 bytes/],
    ['the default rate-limit token', { RATE_LIMIT_REDIS_REST_TOKEN: undefined }, 'RATE_LIMIT_REDIS_REST_TOKEN', /default/],
    ['the default database password', { POSTGRES_PASSWORD: undefined }, 'POSTGRES_PASSWORD', /default/],
    ['a placeholder database password', { POSTGRES_PASSWORD: 'Password' }, 'POSTGRES_PASSWORD', /placeholder/],
    ['a change-me password however long', { POSTGRES_PASSWORD: 'please-change-me-before-going-live-ok' }, 'POSTGRES_PASSWORD', /placeholder/],
    ['a short database password', { POSTGRES_PASSWORD: 'x7Gq2' }, 'POSTGRES_PASSWORD', /shorter/],
    ['a placeholder operator password', { ADMIN_PASSWORD: 'changeme1234' }, 'ADMIN_PASSWORD', /placeholder/],
  ])('refuses %s', (_name, overrides, setting, reason) => {
    const found = check(overrides);
    expect(found.map((u) => u.setting)).toEqual([setting]);
    expect(found[0]!.reason).toMatch(reason);
  });

  it('checks only the secrets the service uses', () => {
    expect(check({ POSTGRES_PASSWORD: undefined }, ['UPSTASH_REDIS_REST_TOKEN'])).toEqual([]);
  });

  it('lets development and tests run on the defaults', () => {
    expect(unsafeSettings(parseEnv({}), all)).toEqual([]);
    expect(unsafeSettings(parseEnv({ NODE_ENV: 'test' }), all)).toEqual([]);
  });

  it('names every unsafe setting in one message', () => {
    expect(unsafeStartMessage(parseEnv({ NODE_ENV: 'production' }), ['POSTGRES_PASSWORD', 'JWT_PRIVATE_KEY'])).toBe(
      'refusing to run in production: POSTGRES_PASSWORD is the default of config/schema.ts; JWT_PRIVATE_KEY is the committed development key',
    );
    expect(unsafeStartMessage(parseEnv(safe), all)).toBeNull();
  });
});
