import { createLocalJWKSet, jwtVerify } from 'jose';
import { parseBearer } from '../../openapi/auth.ts';
import { JWT_ALGORITHM, JWT_ISSUER, JwksSchema, JwtClaimsSchema, type JwtClaims } from '../../openapi/schemas/auth.ts';

// Verifies core's Ed25519 JWTs at the edge with the public keys only (JWT_PUBLIC_KEYS, a JWKS,
// chosen by the token's kid), so a forged, foreign or expired token never reaches core.
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
  return async function verifyBearer(authorization: string | undefined): Promise<BearerCheck> {
    if (!authorization) return { kind: 'none' };
    const token = parseBearer(authorization);
    if (!token) return { kind: 'invalid', reason: 'Authorization must be "Bearer <token>"' };
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: JWT_ISSUER, algorithms: [JWT_ALGORITHM] });
      const claims = JwtClaimsSchema.safeParse(payload);
      return claims.success ? { kind: 'valid', claims: claims.data } : { kind: 'invalid', reason: 'token claims are malformed' };
    } catch (e) {
      return { kind: 'invalid', reason: (e as Error).message };
    }
  };
}
