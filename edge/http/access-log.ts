import type { MiddlewareHandler } from 'hono';
import type { EdgeEnv } from '../context.ts';
import type { Logger } from '../log.ts';

// One JSON line per routed request, with the id the client can quote. The hot front logs its own.
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
      cache: c.res.headers.get('x-cache') ?? undefined,
      user_id: c.get('userId') ?? undefined,
    });
  };
}
