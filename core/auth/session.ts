import { parseBearer } from '../../openapi/auth.ts';
import type { JwtClaims, OperatorRole } from '../../openapi/schemas/auth.ts';
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

/**
 * An operator allowed in `area` (catalog, support or admin; admin may enter every area), by the
 * token and, still, by the database: a demoted operator's token stops working at once.
 */
export async function requireRole(cfg: TokenConfig, sql: Sql, authorization: string | undefined, area: OperatorRole): Promise<OperatorClaims> {
  const claims = await requireClaims(cfg, authorization);
  const allowed = (role: string | null) => role === 'admin' || role === area;
  const current = await currentRole(sql, claims.sub);
  if (!allowed(claims.role) || !allowed(current)) throw new DomainError('forbidden', `the ${area} role is required`);
  return { ...claims, role: current as OperatorRole };
}

export type OperatorClaims = JwtClaims & { role: OperatorRole };
