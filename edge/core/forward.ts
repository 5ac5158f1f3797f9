import type { Context } from 'hono';
import { CORE_SERVICE_TOKEN_HEADER } from '../../openapi/internal/service-auth.ts';
import { problem, sendProblem } from '../../openapi/problem.ts';
import type { Logger } from '../log.ts';
import { retryAfterLostConnection } from './retry-lost.ts';

// Hands a request to core unchanged and core's answer back unchanged (problem+json included);
// only core's silence becomes an edge problem: 504 on timeout, 503 when it cannot be reached.
// With a service token, every request carries it: core serves only what came through the edge.
const REQUEST_HEADERS = ['authorization', 'idempotency-key', 'x-cart-token', 'content-type', 'accept', 'x-request-id'];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'proxy-connection', 'te', 'trailer']);
const CORE_RETRY_AFTER_SECONDS = '2';

export type CoreFetch = (input: Request) => Promise<Response>;

export function createForwarder(opts: { coreUrl: string; timeoutMs: number; fetchCore: CoreFetch; log: Logger; serviceToken?: string | undefined }) {
  const base = opts.coreUrl.replace(/\/$/, '');
  return async function forward(c: Context, clientIp: string): Promise<Response> {
    const incoming = new URL(c.req.url);
    const headers = new Headers();
    for (const h of REQUEST_HEADERS) {
      const v = c.req.header(h);
      if (v !== undefined) headers.set(h, v);
    }
    headers.set('x-request-id', c.get('requestId'));
    headers.set('x-forwarded-for', clientIp);
    if (opts.serviceToken) headers.set(CORE_SERVICE_TOKEN_HEADER, opts.serviceToken);
    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
    const started = Date.now();
    const signal = AbortSignal.timeout(opts.timeoutMs);
    const send = () => opts.fetchCore(new Request(`${base}${incoming.pathname}${incoming.search}`, { method, headers, body, redirect: 'manual', signal }));
    let res: Response;
    try {
      res = await sendRetryingLost(send, { method, hasIdempotencyKey: headers.has('idempotency-key'), signal, log: opts.log, path: incoming.pathname });
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError';
      opts.log.error('core did not answer', { path: incoming.pathname, timed_out: timedOut, ms: Date.now() - started, error: (e as Error).message });
      return timedOut
        ? sendProblem(
            c,
            problem(504, 'core-timeout', 'Upstream timeout', `core did not answer within ${opts.timeoutMs} ms; retrying with the same Idempotency-Key is safe`),
          )
        : sendProblem(c, problem(503, 'core-unavailable', 'Service unavailable', 'core cannot be reached; retry shortly'), {
            'retry-after': CORE_RETRY_AFTER_SECONDS,
          });
    }
    const out = new Headers();
    res.headers.forEach((v, k) => {
      if (!HOP_BY_HOP.has(k)) out.set(k, v);
    });
    return new Response(res.body, { status: res.status, headers: out });
  };
}

/** Sends, and sends again after a lost connection while retryAfterLostConnection allows and the deadline has not passed. */
async function sendRetryingLost(
  send: () => Promise<Response>,
  o: { method: string; hasIdempotencyKey: boolean; signal: AbortSignal; log: Logger; path: string },
): Promise<Response> {
  for (let retriesDone = 0; ; retriesDone++) {
    try {
      return await send();
    } catch (e) {
      const wait = o.signal.aborted ? null : retryAfterLostConnection({ ...o, retriesDone, errorName: (e as Error).name });
      if (wait === null) throw e;
      o.log.warn('core connection lost; retrying', { path: o.path, retry: retriesDone + 1, error: (e as Error).message });
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
