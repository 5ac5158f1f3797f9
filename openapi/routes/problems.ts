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
  422: 'Idempotency key reused with a different body',
  429: 'Too many attempts; Retry-After says when to try again',
  503: 'Busy or unavailable; Retry-After says when to try again',
  504: 'Payment gateway timed out; retrying is safe',
};

export function problemResponses<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? 'Error', content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } }]),
  ) as { [K in S[number]]: { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } } };
}

export const bearerSecurity = [{ bearerAuth: [] }];
/** Register under components.securitySchemes as `bearerAuth`. */
export const bearerAuthScheme = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } as const;

export const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
