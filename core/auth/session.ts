import type { JwtClaims } from '../../openapi/schemas/auth.ts';
import { fail, unauthorized } from '../http/problem-error.ts';
import { bearerToken, verifyToken, type TokenConfig } from './tokens.ts';

// Who is calling. Missing or bad credentials are 401; a customer on an operator route is 403.
export async function optionalClaims(cfg: TokenConfig, authorization: string | undefined): Promise<JwtClaims | null> {
  if (authorization === undefined) return null;
  const token = bearerToken(authorization);
  const claims = token ? await verifyToken(cfg, token) : null;
  return claims ?? unauthorized('invalid or expired token');
}

export async function requireClaims(cfg: TokenConfig, authorization: string | undefined): Promise<JwtClaims> {
  return (await optionalClaims(cfg, authorization)) ?? unauthorized('a bearer token is required');
}

export async function requireAdmin(cfg: TokenConfig, authorization: string | undefined): Promise<JwtClaims> {
  const claims = await requireClaims(cfg, authorization);
  return claims.role === 'admin' ? claims : fail(403, 'forbidden', 'Forbidden', 'operator role required');
}
