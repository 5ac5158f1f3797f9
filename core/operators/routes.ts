import type { OpenAPIHono } from '@hono/zod-openapi';
import { adminAuditRoute } from '../../openapi/routes/admin-audit.ts';
import { adminFindUsersRoute, adminSetUserRoleRoute } from '../../openapi/routes/admin-users.ts';
import { operatorGate } from '../auth/operator-gate.ts';
import type { CoreDeps } from '../deps.ts';
import { listAudit } from './audit-list.ts';
import { findUsersByEmail, setUserRole } from './users.ts';

// Admin only: users' roles and the audit trail.
export function registerOperatorRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql } = deps;
  const gate = operatorGate(deps);

  app.openapi(gate(adminFindUsersRoute, 'admin'), async (c) => {
    return c.json(await findUsersByEmail(sql, c.req.valid('query').email), 200);
  });

  app.openapi(gate(adminSetUserRoleRoute, 'admin'), async (c) => {
    const operator = c.get('operator');
    const body = c.req.valid('json');
    return c.json(await setUserRole(sql, operator, c.req.valid('param').user_id, body.role, body.reason ?? null), 200);
  });

  app.openapi(gate(adminAuditRoute, 'admin'), async (c) => {
    return c.json(await listAudit(sql, c.req.valid('query')), 200);
  });
}
