import { createLocalJWKSet, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { parseBearer } from '../../openapi/auth.ts';
import { JWT_ALGORITHM, JWT_ISSUER, JwksSchema, JwtClaimsSchema, type JwtClaims } from '../../openapi/schemas/auth.ts';

// Verifies core's Ed25519 JWTs at the edge with the public keys only (JWT_PUBLIC_KEYS, a JWKS,
// chosen by the token's kid), so a forged, foreign or expired token never reaches core.
//
// A shopper sends the same token with every request, and checking its signature was the largest
// single cost of a forwarded write (about a tenth of the edge's CPU under checkout load). So a
// verifier remembers the tokens it verified, by their exact text (nothing it did not verify can
// match), and checks each one's exp again on every use, as jose does: a remembered token expires
// at the same second.
const REMEMBERED_TOKENS = 10_000;

export type BearerCheck = { kind: 'none' } | { kind: 'valid'; claims: JwtClaims } | { kind: 'invalid'; reason: string };

/** Throws naming JWT_PUBLIC_KEYS when it is not a JWKS of Ed25519 keys. */
export function createBearerVerifier(publicKeys: string) {
  let parsed: ReturnType<typeof JwksSchema.safeParse>;
  try {
    parsed = JwksSchema.safeParse(JSON.parse(publicKeys));
  } catch {
    throw new Error('JWT_PUBLIC_KEYS is not JSON');
  }
  if (!parsed.success) throw new Error(`JWT_PUBLIC_KEYS is not a JWKS of Ed25519 keys: ${parsed.error.message}`);
  const keys = createLocalJWKSet(parsed.data);
  const verified = new LRUCache<string, JwtClaims>({ max: REMEMBERED_TOKENS });
  return async function verifyBearer(authorization: string | undefined): Promise<BearerCheck> {
    if (!authorization) return { kind: 'none' };
    const token = parseBearer(authorization);
    if (!token) return { kind: 'invalid', reason: 'Authorization must be "Bearer <token>"' };
    const known = verified.get(token);
    if (known) {
      if (known.exp > Math.floor(Date.now() / 1000)) return { kind: 'valid', claims: known };
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: JWT_ISSUER, algorithms: [JWT_ALGORITHM] });
      const claims = JwtClaimsSchema.safeParse(payload);
      if (!claims.success) return { kind: 'invalid', reason: 'token claims are malformed' };
      verified.set(token, claims.data);
      return { kind: 'valid', claims: claims.data };
    } catch (e) {
      return { kind: 'invalid', reason: (e as Error).message };
    }
  };
}
