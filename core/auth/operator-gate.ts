import type { RouteConfig } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { OperatorRole } from '../../openapi/schemas/auth.ts';
import type { CoreDeps } from '../deps.ts';
import { type OperatorClaims, requireRole } from './session.ts';

// Every operator route (under /admin) authenticates and authorises before its parameters, headers
// or body are validated: without a token the answer is 401 and with a customer's (or the wrong
// operator's) token 403, whatever the request holds, as the document promises — a caller who may
// not use a route learns nothing of its input rules. The handler reads the operator with
// c.get('operator').
export type OperatorEnv = { Variables: { operator: OperatorClaims } };

/** `route` entered only by the `area` role (or admin); route middleware runs before zod-openapi's validators. */
export function operatorGate(deps: Pick<CoreDeps, 'sql' | 'config'>) {
  return <R extends RouteConfig>(route: R, area: OperatorRole) => ({
    ...route,
    middleware: createMiddleware<OperatorEnv>(async (c, next) => {
      c.set('operator', await requireRole(deps.config, deps.sql, c.req.header('authorization'), area));
      await next();
    }),
  });
}
