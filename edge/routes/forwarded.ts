import type { Context } from 'hono';
import { fieldErrors, problem, sendProblem, validationProblem } from '../../openapi/problem.ts';
import type { EdgeApp, EdgeEnv } from '../context.ts';
import { coreRoutes } from '../../openapi/routes/public.ts';
import { honoPath, requiresBearer } from '../core/routes.ts';
import type { createForwarder } from '../core/forward.ts';
import type { createBearerVerifier } from '../http/auth.ts';
import { rateLimitHeaders, type WriteLimiter } from '../http/rate-limit.ts';

// Every core route of the public list: checked here (JWT, write limits), then handed to core
// untouched — core validates its bodies and owns every answer.
export type ForwardDeps = {
  forward: ReturnType<typeof createForwarder>;
  verifyBearer: ReturnType<typeof createBearerVerifier>;
  limitWrites: WriteLimiter;
  clientIp: (c: Context<EdgeEnv>) => string;
};

const unauthorized = (detail: string) => problem(401, 'unauthorized', 'Unauthorized', detail);

export function registerForwarded(app: EdgeApp, deps: ForwardDeps): void {
  for (const route of coreRoutes) {
    const needsBearer = requiresBearer(route);
    const isWrite = route.method !== 'get' && route.method !== 'head';
    const headersSchema = route.request?.headers;
    // Operator routes (under /admin) settle who is calling before anything of the request, as core
    // does: there a missing header is refused after the token is checked, not before.
    const operatorRoute = route.path.startsWith('/admin/');
    app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
      // A request core would refuse for its headers (a missing Idempotency-Key) is refused here,
      // as core would, and never counts against the write limits.
      const badHeaders = () => {
        const headers = headersSchema && 'safeParse' in headersSchema ? headersSchema.safeParse(c.req.header()) : null;
        return headers && !headers.success ? sendProblem(c, validationProblem(fieldErrors(headers.error.issues, 'header'))) : null;
      };
      const early = operatorRoute ? null : badHeaders();
      if (early) return early;
      const bearer = await deps.verifyBearer(c.req.header('authorization'));
      if (bearer.kind === 'invalid') return sendProblem(c, unauthorized(bearer.reason), { 'www-authenticate': 'Bearer error="invalid_token"' });
      if (bearer.kind === 'none' && needsBearer) return sendProblem(c, unauthorized('this operation needs a Bearer token'), { 'www-authenticate': 'Bearer' });
      const late = operatorRoute ? badHeaders() : null;
      if (late) return late;
      const userId = bearer.kind === 'valid' ? bearer.claims.sub : null;
      c.set('userId', userId);
      const ip = deps.clientIp(c);
      const verdict = isWrite ? await deps.limitWrites(ip, userId) : null;
      if (verdict && !verdict.allowed) {
        return sendProblem(c, problem(429, 'rate-limited', 'Too many requests', `write limit reached; retry in ${verdict.resetSeconds} s`), {
          ...rateLimitHeaders(verdict),
          'retry-after': String(verdict.resetSeconds),
        });
      }
      const res = await deps.forward(c, ip);
      if (verdict) for (const [k, v] of Object.entries(rateLimitHeaders(verdict))) res.headers.set(k, v);
      return res;
    });
  }
}
