import type { Context } from 'hono';

/**
 * Work that may finish after the response (waitUntil on Workers, a detached promise on Node),
 * started only once the response is on its way: a cache write dispatches its HTTP request
 * synchronously when it starts, and started beside the response it held an uncached search's
 * response back by ~0.7 ms on Node (0.8 ms between the search's answer and the response, 0.1 ms
 * once deferred). A timer, not a microtask: the response is written in the microtasks that follow.
 */
export function runAfterResponse(c: Context, start: () => Promise<unknown>): void {
  const work = new Promise((resolve) => setTimeout(resolve, 0)).then(start);
  let ctx: { waitUntil(p: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined;
  }
  if (ctx) ctx.waitUntil(work);
  else void work;
}
