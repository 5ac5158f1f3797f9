// The Authorization header format of the contract: `Bearer <JWT>`, the scheme in any case. A
// JWT is three base64url segments joined by dots, so anything else in the token is refused here,
// before any signature check.
const BEARER = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i;

/** The token of a well-formed `Bearer` header, or null (missing, another scheme, stray characters). */
export function parseBearer(header: string | undefined): string | null {
  return header?.trim().match(BEARER)?.[1] ?? null;
}
