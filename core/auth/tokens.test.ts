import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { issueToken, verifyToken } from './tokens.ts';

const cfg = { JWT_SECRET: 'unit-test-secret-0123456789', JWT_TTL_SECONDS: 60 };
const user = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', role: 'customer' as const };

describe('tokens', () => {
  it('round-trips claims', async () => {
    const claims = await verifyToken(cfg, await issueToken(cfg, user));
    expect(claims).toMatchObject({ sub: user.id, role: 'customer', iss: 'commerce-core' });
  });
  it('rejects a tampered payload', async () => {
    const [h, , s] = (await issueToken(cfg, user)).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: user.id, role: 'admin', iss: 'commerce-core', iat: 1, exp: 9999999999 })).toString('base64url');
    expect(await verifyToken(cfg, `${h}.${forged}.${s}`)).toBeNull();
  });
  it('rejects another secret, an expired token, and alg none', async () => {
    expect(await verifyToken({ ...cfg, JWT_SECRET: 'another-secret-0123456789' }, await issueToken(cfg, user))).toBeNull();
    const expired = await new SignJWT({ role: 'customer' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('commerce-core')
      .setIssuedAt(1000)
      .setExpirationTime(2000)
      .sign(new TextEncoder().encode(cfg.JWT_SECRET));
    expect(await verifyToken(cfg, expired)).toBeNull();
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: user.id, role: 'admin', iss: 'commerce-core', iat: 1, exp: 9999999999 })).toString('base64url')}.`;
    expect(await verifyToken(cfg, none)).toBeNull();
  });
});
