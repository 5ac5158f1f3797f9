import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBearerVerifier } from './auth.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'EdDSA', use: 'sig' }] });
const sub = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const sign = (exp: number, claims: Record<string, unknown> = { role: 'customer' }) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
    .setSubject(sub)
    .setIssuer('commerce-core')
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(privateKey);
const nowS = () => Math.floor(Date.now() / 1000);

afterEach(() => vi.useRealTimers());

describe('createBearerVerifier', () => {
  it('accepts a valid token every time it is sent, and a forged one never', async () => {
    const verify = createBearerVerifier(jwks);
    const token = await sign(nowS() + 60);
    for (let i = 0; i < 3; i++) expect(await verify(`Bearer ${token}`)).toMatchObject({ kind: 'valid', claims: { sub, role: 'customer' } });
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub, role: 'admin', iss: 'commerce-core', iat: nowS(), exp: nowS() + 60 })).toString('base64url');
    expect(await verify(`Bearer ${h}.${forged}.${s}`)).toMatchObject({ kind: 'invalid' });
  });

  it('refuses a remembered token from the second its exp passes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T10:00:00Z'));
    const verify = createBearerVerifier(jwks);
    const token = await sign(nowS() + 30);
    expect(await verify(`Bearer ${token}`)).toMatchObject({ kind: 'valid' });
    vi.setSystemTime(new Date('2026-12-03T10:00:29.900Z'));
    expect(await verify(`Bearer ${token}`)).toMatchObject({ kind: 'valid' });
    vi.setSystemTime(new Date('2026-12-03T10:00:30Z'));
    expect(await verify(`Bearer ${token}`)).toEqual({ kind: 'invalid', reason: '"exp" claim timestamp check failed' });
  });

  it('does not remember a token whose claims are malformed', async () => {
    const verify = createBearerVerifier(jwks);
    const token = await sign(nowS() + 60, { role: 'owner' });
    expect(await verify(`Bearer ${token}`)).toEqual({ kind: 'invalid', reason: 'token claims are malformed' });
    expect(await verify(`Bearer ${token}`)).toEqual({ kind: 'invalid', reason: 'token claims are malformed' });
  });

  it('gives another verifier (a rotated key set) nothing of what this one remembered', async () => {
    const token = await sign(nowS() + 60);
    expect(await createBearerVerifier(jwks)(`Bearer ${token}`)).toMatchObject({ kind: 'valid' });
    const other = generateKeyPairSync('ed25519').publicKey;
    const rotated = createBearerVerifier(JSON.stringify({ keys: [{ ...other.export({ format: 'jwk' }), kid: 'k1' }] }));
    expect(await rotated(`Bearer ${token}`)).toMatchObject({ kind: 'invalid' });
  });
});
