import { ifNoneMatchHits } from '../cache/etag.ts';
import { requestTarget, type HotReads } from '../cache/hot-reads.ts';
import type { Logger } from '../log.ts';
import type { CommonHeaders } from './common-headers.ts';
import { requestIdFor } from './common-headers.ts';

// The edge's front door: a GET of a URL among the hot reads is answered here, with the same
// headers, request id, CORS, ETag/304 and access-log line as through the app, but without routing,
// validation, key hashing and middleware — about half of a cached read's CPU on Node.
// Anything else (undefined) goes on to the Hono app.
/** A request header as the runtime reads it most cheaply; undefined when absent. */
export type RequestHeader = (request: Request, runtimeEnv: unknown, name: string) => string | undefined;

/** Through the Request's Headers: what every runtime has. */
export const headerOfRequest: RequestHeader = (request, _runtimeEnv, name) => request.headers.get(name) ?? undefined;

export function createHotFront(
  hot: HotReads,
  common: CommonHeaders,
  log: Logger,
  header: RequestHeader = headerOfRequest,
): (request: Request, runtimeEnv?: unknown) => Response | undefined {
  const logHit = log.template('info', 'request', ['request_id', 'path', 'status', 'ms'], { method: 'GET', cache: 'HIT' });
  return (request, runtimeEnv) => {
    // A request with cookies may carry a shopper's session, whose pages are their own: routed.
    if (request.method !== 'GET' || header(request, runtimeEnv, 'cookie') !== undefined) return undefined;
    const target = requestTarget(request.url);
    const read = hot.get(target);
    if (read === undefined) return undefined;
    const started = performance.now();
    const id = requestIdFor(header(request, runtimeEnv, 'x-request-id'));
    const headers = common.addRequest({ ...read.headers }, id, header(request, runtimeEnv, 'origin'));
    const notModified = ifNoneMatchHits(header(request, runtimeEnv, 'if-none-match'), read.etag);
    const response = notModified ? new Response(null, { status: 304, headers }) : new Response(read.body, { status: 200, headers });
    const query = target.indexOf('?');
    logHit(id, query < 0 ? target : target.slice(0, query), response.status, Math.round((performance.now() - started) * 10) / 10);
    return response;
  };
}
