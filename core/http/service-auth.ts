import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../../config/index.ts';
import { CORE_SERVICE_TOKEN_HEADER } from '../../openapi/internal/service-auth.ts';
import { problem, sendProblem } from '../../openapi/problem.ts';

// Core trusts the edge to have applied its limits (rate, body size, JWT checks), so in
// production it serves only requests that carry the edge's credential. A shared bearer secret,
// not a signature over method, path and time: core listens on a private network the edge
// reaches over TLS, where a signature would add replay protection against an eavesdropper who
// could read the shoppers' JWTs anyway. Compared as SHA-256 digests in constant time, so
// neither the content nor the length of the secret leaks through timing.
export type ServiceAuthSettings = Pick<Config, 'NODE_ENV' | 'CORE_SERVICE_TOKEN'>;

/** Load balancers probe /health without the credential. */
const OPEN_PATHS = new Set(['/health']);

const digest = (s: string) => createHash('sha256').update(s).digest();

export function credentialMatches(expected: string, presented: string | undefined): boolean {
  return presented !== undefined && timingSafeEqual(digest(expected), digest(presented));
}

/** Why core must not start with these settings, or null. */
export function serviceAuthRefusal(s: ServiceAuthSettings): string | null {
  return s.NODE_ENV === 'production' && !s.CORE_SERVICE_TOKEN
    ? 'CORE_SERVICE_TOKEN is not set: in production core serves only requests the edge signs with it'
    : null;
}

/** Requires the credential whenever CORE_SERVICE_TOKEN is set (always, in production); throws at start when production lacks it. */
export function serviceAuth(s: ServiceAuthSettings): MiddlewareHandler {
  const refusal = serviceAuthRefusal(s);
  if (refusal) throw new Error(refusal);
  const expected = s.CORE_SERVICE_TOKEN;
  const forbidden = problem(403, 'forbidden', 'Forbidden', 'core serves requests from the edge only');
  return async (c, next) => {
    if (expected === undefined || OPEN_PATHS.has(c.req.path) || credentialMatches(expected, c.req.header(CORE_SERVICE_TOKEN_HEADER))) return next();
    return sendProblem(c, forbidden);
  };
}
