import type { Context } from 'hono';

// Work that may finish after the response: waitUntil on Workers, a detached promise on Node.
export function runInBackground(c: Context, work: Promise<unknown>): void {
  let ctx: { waitUntil(p: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined;
  }
  if (ctx) ctx.waitUntil(work);
  else void work;
}
