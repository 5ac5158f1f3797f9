import type { Context } from 'hono';
import { problem, sendProblem } from '../../openapi/problem.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Logger } from '../log.ts';
import { problemOf } from './problem-of.ts';

// A refusal that says when to come back (`retry_after` seconds, e.g. sign-in limits) says it in the header too.
const retryAfter = (err: DomainError): Record<string, string> =>
  typeof err.details.retry_after === 'number' ? { 'retry-after': String(err.details.retry_after) } : {};

/** Domain refusals render as their problem; Hono's 4xx as themselves; anything else is a 500 without internals. */
export function errorHandler(log: Logger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof DomainError) return sendProblem(c, problemOf(err), retryAfter(err));
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const tooLarge = status === 413;
      return sendProblem(c, problem(status, tooLarge ? 'payload-too-large' : 'bad-request', tooLarge ? 'Payload too large' : 'Bad request', err.message));
    }
    log('error', 'unhandled error', { method: c.req.method, path: c.req.path, error: err.message, stack: err.stack });
    return sendProblem(c, problem(500, 'internal', 'Internal server error'));
  };
}
