import type { Problem } from './schemas/common.ts';

// RFC 9457 problem details: the one family core and edge build, send and validate with.
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://problems.commerce.local/';

export function problem(status: number, slug: string, title: string, detail?: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `${TYPE_BASE}${slug}`, title, status, ...(detail === undefined ? {} : { detail }), ...extra };
}

export function validationProblem(errors: { field: string; message: string }[]): Problem {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return problem(400, 'validation', 'Invalid request', detail, { errors });
}

type Issue = { path: readonly PropertyKey[]; message: string };

/** Turns zod issues into the `errors` list, naming each field by its path. */
export function fieldErrors(issues: readonly Issue[], prefix = ''): { field: string; message: string }[] {
  return issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: i.message,
  }));
}

/**
 * The part of a Hono context a problem is sent through. Structural, so openapi/ needs no Hono
 * import; sending through the context (not a bare Response) keeps headers middleware already set.
 */
export type ProblemContext = { body(data: string, status: number, headers: Record<string, string>): Response };

export function sendProblem(c: ProblemContext, p: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(p), p.status, { 'content-type': PROBLEM_CONTENT_TYPE, ...headers });
}

type ValidationResult = { success: boolean; error?: { issues: readonly Issue[] }; target?: string };

/**
 * zod-openapi's defaultHook: a failed request validation becomes a 400 naming each field. With
 * `nameTarget`, fields outside the JSON body are named by where they were (`query.cursor`,
 * `header.idempotency-key`).
 */
export function validationHook(opts: { nameTarget: boolean }) {
  return (result: ValidationResult, c: ProblemContext): Response | undefined => {
    if (result.success || !result.error) return undefined;
    const prefix = !opts.nameTarget || result.target === 'json' || result.target === undefined ? '' : result.target;
    return sendProblem(c, validationProblem(fieldErrors(result.error.issues, prefix)));
  };
}
