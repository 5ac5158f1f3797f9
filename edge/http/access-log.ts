import type { MiddlewareHandler } from 'hono';
import type { EdgeEnv } from '../context.ts';
import type { Logger } from '../log.ts';

// One JSON line per request, with the id the client can quote.
export function accessLog(log: Logger): MiddlewareHandler<EdgeEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log.info('request', {
      request_id: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      // From the context, not c.res.headers: reading those would rebuild the response (see common-headers.ts).
      cache: c.get('cacheStatus'),
      user_id: c.get('userId') ?? undefined,
    });
  };
}
