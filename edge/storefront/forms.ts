import type { Context } from 'hono';

// Pure helpers for the storefront's form posts.

/** A form post's fields as strings (files, which no storefront form has, are dropped). */
export async function readForm(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Where to go after signing in: a path on this site only, never another origin (no open redirect). */
export function safeNext(next: string | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /\p{Cc}/u.test(next)) return fallback;
  return next;
}

/** zod-style issues → the first message per top-level field. */
export function errorsByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const name = String(i.path[0] ?? 'form');
    out[name] ??= i.message;
  }
  return out;
}

/** A quantity from a form: a whole number 1–1000, else null. */
export function quantityOf(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,4}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 1000 ? n : null;
}
