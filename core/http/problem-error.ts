import { problem } from '../../openapi/problem.ts';
import type { Problem } from '../../openapi/schemas/common.ts';

// Domain steps throw this to answer with a problem; the app's error handler renders it.
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(p: Problem) {
    super(p.detail ?? p.title);
    this.problem = p;
  }
}

export const fail = (status: number, slug: string, title: string, detail?: string, extra?: Record<string, unknown>): never => {
  throw new ProblemError(problem(status, slug, title, detail, extra));
};

export const notFound = (what: string): never => fail(404, 'not-found', 'Not found', `${what} not found`);
export const unauthorized = (detail: string): never => fail(401, 'unauthorized', 'Unauthorized', detail);
