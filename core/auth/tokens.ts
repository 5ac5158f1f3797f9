import { z } from '@hono/zod-openapi';
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { JWT_ALGORITHM, JWT_ISSUER, JwksSchema, JwtClaimsSchema, PublicJwkSchema, type Jwks, type JwtClaims, type Role } from '../../openapi/schemas/auth.ts';

// Ed25519 JWTs: core signs with its private key (JWT_PRIVATE_KEY, whose kid goes in the header)
// and verifies, like the edge, against the public keys of JWT_PUBLIC_KEYS, so a key can be
// rotated by listing the new one beside the old one before signing with it.
export type TokenConfig = { JWT_PRIVATE_KEY: string; JWT_PUBLIC_KEYS: string; JWT_TTL_SECONDS: number };

const PrivateJwkSchema = PublicJwkSchema.extend({ d: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

type Keys = { kid: string; jwks: Jwks; signingKey: Promise<CryptoKey | Uint8Array>; verifyKey: JWTVerifyGetKey };

function parseSetting<T>(name: string, value: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new Error(`${name} is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${name} is not an Ed25519 ${name === 'JWT_PUBLIC_KEYS' ? 'JWKS' : 'private JWK with a kid'}: ${parsed.error.message}`);
  return parsed.data;
}

// Keyed by the settings' text: importing a key is async and costs more than a signature.
const cache = new Map<string, Keys>();

/** The parsed keys; throws naming the setting when one is malformed or the signing key is not published. */
export function tokenKeys(cfg: Omit<TokenConfig, 'JWT_TTL_SECONDS'>): Keys {
  const id = `${cfg.JWT_PRIVATE_KEY}\n${cfg.JWT_PUBLIC_KEYS}`;
  const known = cache.get(id);
  if (known) return known;
  const priv = parseSetting('JWT_PRIVATE_KEY', cfg.JWT_PRIVATE_KEY, PrivateJwkSchema);
  const jwks = parseSetting('JWT_PUBLIC_KEYS', cfg.JWT_PUBLIC_KEYS, JwksSchema);
  if (!jwks.keys.some((k) => k.kid === priv.kid && k.x === priv.x)) {
    throw new Error(`JWT_PUBLIC_KEYS does not list the public key of JWT_PRIVATE_KEY (kid ${priv.kid}): tokens core signs would be refused`);
  }
  const keys: Keys = {
    kid: priv.kid,
    jwks,
    signingKey: importJWK({ ...priv, alg: JWT_ALGORITHM }, JWT_ALGORITHM),
    verifyKey: createLocalJWKSet(jwks),
  };
  cache.set(id, keys);
  return keys;
}

export async function issueToken(cfg: TokenConfig, user: { id: string; role: Role }): Promise<string> {
  const keys = tokenKeys(cfg);
  return new SignJWT({ role: user.role })
    .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT', kid: keys.kid })
    .setSubject(user.id)
    .setIssuer(JWT_ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${cfg.JWT_TTL_SECONDS}s`)
    .sign(await keys.signingKey);
}

/** The claims of a valid token, or null for anything else (unknown kid, bad signature, expired, wrong shape). */
export async function verifyToken(cfg: TokenConfig, token: string): Promise<JwtClaims | null> {
  try {
    const { payload } = await jwtVerify(token, tokenKeys(cfg).verifyKey, { issuer: JWT_ISSUER, algorithms: [JWT_ALGORITHM] });
    const parsed = JwtClaimsSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
