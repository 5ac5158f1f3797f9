import type { Context } from 'hono';
import { PROBLEM_CONTENT_TYPE, fieldErrors, problem, validationProblem } from '../../openapi/problem.ts';
import type { Problem } from '../../openapi/schemas/common.ts';
import { ProblemError } from './problem-error.ts';
import type { Logger } from '../log.ts';

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), { status: p.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers } });
}

/** zod-openapi's hook: a failed request validation becomes a 400 naming each field. */
export function validationHook(result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
  target?: string;
}) {
  if (result.success || !result.error) return undefined;
  const prefix = result.target === 'json' || result.target === undefined ? '' : result.target;
  return problemResponse(validationProblem(fieldErrors(result.error.issues, prefix)));
}

/** Known failures render as their problem; anything else is a 500 without internals. */
export function errorHandler(log: Logger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof ProblemError) return problemResponse(err.problem);
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problemResponse(
        problem(status, status === 413 ? 'payload-too-large' : 'bad-request', status === 413 ? 'Payload too large' : 'Bad request', err.message),
      );
    }
    log('error', 'unhandled error', { method: c.req.method, path: c.req.path, error: err.message, stack: err.stack });
    return problemResponse(problem(500, 'internal', 'Internal server error'));
  };
}
