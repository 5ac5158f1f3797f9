import { ifNoneMatchHits } from '../cache/etag.ts';
import { requestTarget, type HotReads } from '../cache/hot-reads.ts';
import type { Logger } from '../log.ts';
import type { CommonHeaders } from './common-headers.ts';
import { requestIdFor } from './common-headers.ts';

// The edge's front door: a GET of a URL among the hot reads is answered here, with the same
// headers, request id, CORS, ETag/304 and access-log line as through the app, but without routing,
// validation, key hashing and middleware — about half of a cached read's CPU on Node.
// Anything else (undefined) goes on to the Hono app.
export function createHotFront(hot: HotReads, common: CommonHeaders, log: Logger): (request: Request) => Response | undefined {
  const logHit = log.template('info', 'request', ['request_id', 'path', 'status', 'ms'], { method: 'GET', cache: 'HIT' });
  return (request) => {
    // A request with cookies may carry a shopper's session, whose pages are their own: routed.
    if (request.method !== 'GET' || request.headers.has('cookie')) return undefined;
    const target = requestTarget(request.url);
    const read = hot.get(target);
    if (read === undefined) return undefined;
    const started = performance.now();
    const id = requestIdFor(request.headers.get('x-request-id'));
    const headers = common.addRequest({ ...read.headers }, id, request.headers.get('origin') ?? undefined);
    const notModified = ifNoneMatchHits(request.headers.get('if-none-match') ?? undefined, read.etag);
    const response = notModified ? new Response(null, { status: 304, headers }) : new Response(read.body, { status: 200, headers });
    const query = target.indexOf('?');
    logHit(id, query < 0 ? target : target.slice(0, query), response.status, Math.round((performance.now() - started) * 10) / 10);
    return response;
  };
}
