import type { ClientErrorStatusCode, ServerErrorStatusCode } from 'hono/utils/http-status';
import { PROBLEM_CONTENT_TYPE } from '../../openapi/problem.ts';
import type { Problem } from '../../openapi/schemas/common.ts';
import type { IdempotentAnswer } from '../idempotency/run-idempotent.ts';

// Sends an idempotent answer through a route's typed responses. A refusal's status is known only
// at run time (a replay carries whatever was recorded), so it is checked here against the
// statuses the route documents instead of being cast past the type checker.
type ProblemStatus<R> = Extract<keyof R, ClientErrorStatusCode | ServerErrorStatusCode>;

export function documentedProblemStatus<R extends object>(responses: R, p: Problem): ProblemStatus<R> {
  if (!(p.status in responses)) throw new Error(`status ${p.status} (${p.type}) is not documented for this route`);
  return p.status as ProblemStatus<R>;
}

export function answerHeaders(answer: IdempotentAnswer<unknown>): Record<string, string> {
  return {
    ...(answer.ok ? {} : { 'content-type': PROBLEM_CONTENT_TYPE }),
    ...(answer.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  };
}
