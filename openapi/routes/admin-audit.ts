import { createRoute } from '@hono/zod-openapi';
import { AuditPageSchema, AuditQuerySchema } from '../schemas/admin-audit.ts';
import { bearerSecurity, json, problemResponses, serviceProblems } from './problems.ts';

export const adminAuditRoute = createRoute({
  method: 'get',
  path: '/admin/audit',
  tags: ['admin'],
  summary: 'Operator (admin): the audit trail, newest first, filtered and cursor-paginated',
  security: bearerSecurity,
  request: { query: AuditQuerySchema },
  responses: { 200: json(AuditPageSchema, 'One page of audit entries'), ...problemResponses(400, 401, 403), ...serviceProblems },
});
