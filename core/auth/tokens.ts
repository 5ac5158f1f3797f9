import { SignJWT, jwtVerify } from 'jose';
import { JWT_ISSUER, JwtClaimsSchema, type JwtClaims, type Role } from '../../openapi/schemas/auth.ts';

// HS256 JWTs; the edge verifies the same tokens with the same claims schema.
export type TokenConfig = { JWT_SECRET: string; JWT_TTL_SECONDS: number };

const key = (secret: string) => new TextEncoder().encode(secret);

export async function issueToken(cfg: TokenConfig, user: { id: string; role: Role }): Promise<string> {
  return new SignJWT({ role: user.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(JWT_ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${cfg.JWT_TTL_SECONDS}s`)
    .sign(key(cfg.JWT_SECRET));
}

/** The claims of a valid token, or null for anything else (bad signature, expired, wrong shape). */
export async function verifyToken(cfg: TokenConfig, token: string): Promise<JwtClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(cfg.JWT_SECRET), { issuer: JWT_ISSUER, algorithms: ['HS256'] });
    const parsed = JwtClaimsSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
