import { jwtVerify } from 'jose';
import { parseBearer } from '../../openapi/auth.ts';
import { JWT_ISSUER, JwtClaimsSchema, type JwtClaims } from '../../openapi/schemas/auth.ts';

// Verifies core's HS256 JWTs at the edge, so a forged or expired token never reaches core.
export type BearerCheck = { kind: 'none' } | { kind: 'valid'; claims: JwtClaims } | { kind: 'invalid'; reason: string };

export function createBearerVerifier(secret: string) {
  const key = new TextEncoder().encode(secret);
  return async function verifyBearer(authorization: string | undefined): Promise<BearerCheck> {
    if (!authorization) return { kind: 'none' };
    const token = parseBearer(authorization);
    if (!token) return { kind: 'invalid', reason: 'Authorization must be "Bearer <token>"' };
    try {
      const { payload } = await jwtVerify(token, key, { issuer: JWT_ISSUER, algorithms: ['HS256'] });
      const claims = JwtClaimsSchema.safeParse(payload);
      return claims.success ? { kind: 'valid', claims: claims.data } : { kind: 'invalid', reason: 'token claims are malformed' };
    } catch (e) {
      return { kind: 'invalid', reason: (e as Error).message };
    }
  };
}
