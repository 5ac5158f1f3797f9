import { CORE_SERVICE_TOKEN_HEADER } from '../../openapi/internal/service-auth.ts';
import type { Problem } from '../../openapi/schemas/common.ts';
import type { CoreFetch } from '../core/forward.ts';

// The storefront's calls to core: the same core, routes and service token the API forwards to,
// with the shopper's bearer token or guest cart token, and JSON in and out.
export type CoreAnswer<T> = { ok: true; status: number; body: T; headers: Headers } | { ok: false; status: number; problem: Problem; headers: Headers };

export type CoreCall = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  token?: string | undefined;
  cartToken?: string | undefined;
  idempotencyKey?: string | undefined;
  body?: unknown;
  requestId: string;
  clientIp: string;
};

export class CoreUnavailable extends Error {}

export function createCoreClient(opts: { coreUrl: string; timeoutMs: number; fetchCore: CoreFetch; serviceToken?: string | undefined }) {
  const base = opts.coreUrl.replace(/\/$/, '');
  return async function callCore<T>(call: CoreCall): Promise<CoreAnswer<T>> {
    const headers = new Headers({ accept: 'application/json', 'x-request-id': call.requestId, 'x-forwarded-for': call.clientIp });
    if (call.token) headers.set('authorization', `Bearer ${call.token}`);
    if (call.cartToken) headers.set('x-cart-token', call.cartToken);
    if (call.idempotencyKey) headers.set('idempotency-key', call.idempotencyKey);
    if (call.body !== undefined) headers.set('content-type', 'application/json');
    if (opts.serviceToken) headers.set(CORE_SERVICE_TOKEN_HEADER, opts.serviceToken);
    let res: Response;
    try {
      res = await opts.fetchCore(
        new Request(base + call.path, {
          method: call.method,
          headers,
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          signal: AbortSignal.timeout(opts.timeoutMs),
        }),
      );
    } catch (e) {
      throw new CoreUnavailable((e as Error).message);
    }
    const json = (await res.json().catch(() => ({}))) as unknown;
    if (res.ok) return { ok: true, status: res.status, body: json as T, headers: res.headers };
    return { ok: false, status: res.status, problem: json as Problem, headers: res.headers };
  };
}

export type CallCore = ReturnType<typeof createCoreClient>;
