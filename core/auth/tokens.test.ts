import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { issueToken, tokenKeys, verifyToken } from './tokens.ts';

// A fresh Ed25519 pair as the settings hold it: the private JWK with its kid, and the JWKS.
function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pub = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' };
  return { priv: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }), pub, privateKey };
}
const a = keyPair('a');
const b = keyPair('b');
const jwks = (...keys: object[]) => JSON.stringify({ keys });
const cfg = { JWT_PRIVATE_KEY: a.priv, JWT_PUBLIC_KEYS: jwks(a.pub), JWT_TTL_SECONDS: 60 };
const user = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', role: 'customer' as const };
const claims = { role: 'customer', sub: user.id, iss: 'commerce-core' };

describe('tokens', () => {
  it('round-trips claims, signed with EdDSA under the kid of the private key', async () => {
    const token = await issueToken(cfg, user);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: 'a' });
    expect(await verifyToken(cfg, token)).toMatchObject({ sub: user.id, role: 'customer', iss: 'commerce-core' });
  });

  it('rejects a tampered payload', async () => {
    const [h, , s] = (await issueToken(cfg, user)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', iat: 1, exp: 9999999999 })).toString('base64url');
    expect(await verifyToken(cfg, `${h}.${forged}.${s}`)).toBeNull();
  });

  it('accepts every listed key during a rotation and refuses a key once it is removed', async () => {
    const byA = await issueToken(cfg, user);
    const byB = await issueToken({ ...cfg, JWT_PRIVATE_KEY: b.priv, JWT_PUBLIC_KEYS: jwks(a.pub, b.pub) }, user);
    const both = { ...cfg, JWT_PUBLIC_KEYS: jwks(a.pub, b.pub) };
    expect(await verifyToken(both, byA)).not.toBeNull();
    expect(await verifyToken(both, byB)).not.toBeNull();
    expect(await verifyToken({ ...cfg, JWT_PRIVATE_KEY: b.priv, JWT_PUBLIC_KEYS: jwks(b.pub) }, byA)).toBeNull();
  });

  it('rejects a key that is not listed, an expired token, HS256 and alg none', async () => {
    const signedByB = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: 'a' }).setIssuedAt().setExpirationTime('1m').sign(b.privateKey);
    expect(await verifyToken(cfg, signedByB)).toBeNull();
    const expired = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: 'a' }).setIssuedAt(1000).setExpirationTime(2000).sign(a.privateKey);
    expect(await verifyToken(cfg, expired)).toBeNull();
    const hs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'a' }).setExpirationTime('1m').sign(new TextEncoder().encode(a.pub.x!));
    expect(await verifyToken(cfg, hs256)).toBeNull();
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', iat: 1, exp: 9999999999 })).toString('base64url')}.`;
    expect(await verifyToken(cfg, none)).toBeNull();
  });

  it.each([
    ['a private key that is not JSON', { JWT_PRIVATE_KEY: 'secret' }, /JWT_PRIVATE_KEY is not JSON/],
    ['a private key without a kid', { JWT_PRIVATE_KEY: JSON.stringify({ ...JSON.parse(a.priv), kid: undefined }) }, /JWT_PRIVATE_KEY/],
    ['a public key set that is not a JWKS', { JWT_PUBLIC_KEYS: JSON.stringify(a.pub) }, /JWT_PUBLIC_KEYS/],
    ['a signing key missing from the public set', { JWT_PUBLIC_KEYS: jwks(b.pub) }, /JWT_PUBLIC_KEYS does not list .*kid a/],
  ])('refuses %s, naming the setting', (_name, overrides, message) => {
    expect(() => tokenKeys({ ...cfg, ...overrides })).toThrow(message);
  });
});
