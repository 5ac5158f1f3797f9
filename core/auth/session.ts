import { parseBearer } from '../../openapi/auth.ts';
import type { JwtClaims } from '../../openapi/schemas/auth.ts';
import type { Sql } from '../db/types.ts';
import { DomainError, unauthorized } from '../errors/domain-error.ts';
import { verifyToken, type TokenConfig } from './tokens.ts';
import { currentRole } from './users.ts';

// Who is calling. Missing or bad credentials are refused as unauthorized; a customer on an
// operator route as forbidden.
export async function optionalClaims(cfg: TokenConfig, authorization: string | undefined): Promise<JwtClaims | null> {
  if (authorization === undefined) return null;
  const token = parseBearer(authorization);
  const claims = token ? await verifyToken(cfg, token) : null;
  if (!claims) throw unauthorized('invalid or expired token');
  return claims;
}

export async function requireClaims(cfg: TokenConfig, authorization: string | undefined): Promise<JwtClaims> {
  const claims = await optionalClaims(cfg, authorization);
  if (!claims) throw unauthorized('a bearer token is required');
  return claims;
}

/** An operator by the token and, still, by the database: a demoted operator's token stops working at once. */
export async function requireAdmin(cfg: TokenConfig, sql: Sql, authorization: string | undefined): Promise<JwtClaims> {
  const claims = await requireClaims(cfg, authorization);
  if (claims.role !== 'admin' || (await currentRole(sql, claims.sub)) !== 'admin') throw new DomainError('forbidden', 'operator role required');
  return claims;
}
