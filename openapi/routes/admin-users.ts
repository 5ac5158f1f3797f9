import { createRoute } from '@hono/zod-openapi';
import { AdminUserSchema, AdminUsersPageSchema, AdminUsersQuerySchema, SetRoleBodySchema, UserIdParamsSchema } from '../schemas/admin-users.ts';
import { bearerSecurity, json, jsonBody, problemResponses, serviceProblems } from './problems.ts';

// Admin only: users and their roles.
export const adminFindUsersRoute = createRoute({
  method: 'get',
  path: '/admin/users',
  tags: ['admin'],
  summary: 'Operator (admin): find a user by email',
  security: bearerSecurity,
  request: { query: AdminUsersQuerySchema },
  responses: { 200: json(AdminUsersPageSchema, 'The matching user, if any'), ...problemResponses(400, 401, 403), ...serviceProblems },
});

export const adminSetUserRoleRoute = createRoute({
  method: 'put',
  path: '/admin/users/{user_id}/role',
  tags: ['admin'],
  summary: "Operator (admin): set a user's role",
  description:
    'Takes effect at once: operator routes re-read the role on every request. A promoted user signs in again for a token carrying the new role. An admin cannot take the admin role from themselves (409 `self-demotion`), so a shop always keeps an admin.',
  security: bearerSecurity,
  request: { params: UserIdParamsSchema, body: jsonBody(SetRoleBodySchema) },
  responses: { 200: json(AdminUserSchema, 'The user with the new role'), ...problemResponses(400, 401, 403, 404, 409, 413), ...serviceProblems },
});
