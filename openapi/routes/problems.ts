import { ProblemSchema } from '../schemas/common.ts';
import { PROBLEM_CONTENT_TYPE } from '../problem.ts';

// Every error answer of the contract is RFC 9457 problem+json.
const descriptions: Record<number, string> = {
  400: 'Invalid request',
  401: 'Missing, invalid or expired token',
  402: 'Payment declined',
  403: 'Not allowed',
  404: 'Not found (also for resources of other users)',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  422: 'Well-formed but refused by a rule: an Idempotency-Key reused with a different body, too many units of one product, or a price above the MRP',
  429: 'Too many requests from this address or user; Retry-After (and RateLimit-* where a limit window applies) say when to try again',
  500: 'Unexpected error; quote the request id of the detail',
  503: 'Busy or unavailable (core, search, password hashing); Retry-After says when to try again',
  504: 'Core or the payment gateway did not answer in time; retrying with the same Idempotency-Key is safe',
};

export function problemResponses<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? 'Error', content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } }]),
  ) as { [K in S[number]]: { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } } };
}

/**
 * What any operation can answer besides its own outcomes: a limit of the edge (reads per address,
 * writes per address and user), an unexpected error, core out of reach and, forwarded, core late.
 */
export const serviceProblems = problemResponses(429, 500, 503, 504);

export const bearerSecurity = [{ bearerAuth: [] }];
/** Register under components.securitySchemes as `bearerAuth`. */
export const bearerAuthScheme = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } as const;

export const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
/** A body the request may leave out, for a schema whose every field is optional: no body reads as `{}`. */
export const optionalJsonBody = <T>(schema: T) => ({ required: false, content: { 'application/json': { schema } } });
