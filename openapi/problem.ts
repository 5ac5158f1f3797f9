import type { Problem } from './schemas/common.ts';

// RFC 9457 problem details, built the same way by core and edge.
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://problems.commerce.local/';

export function problem(status: number, slug: string, title: string, detail?: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `${TYPE_BASE}${slug}`, title, status, ...(detail === undefined ? {} : { detail }), ...extra };
}

export function validationProblem(errors: { field: string; message: string }[]): Problem {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return problem(400, 'validation', 'Invalid request', detail, { errors });
}

/** Turns zod issues into the `errors` list, naming each field by its path. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): { field: string; message: string }[] {
  return issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: i.message,
  }));
}
