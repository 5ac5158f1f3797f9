import { z } from '@hono/zod-openapi';
import { RoleSchema } from './auth.ts';

// Admins find users and give them roles.
export const AdminUsersQuerySchema = z.object({
  email: z
    .string()
    .min(1)
    .max(254)
    .openapi({ param: { name: 'email', in: 'query' }, description: 'The email, exactly, ignoring case', example: 'asha@example.com' }),
});
export const UserIdParamsSchema = z.object({ user_id: z.uuid().openapi({ param: { name: 'user_id', in: 'path' } }) });

export const AdminUserSchema = z
  .object({ id: z.uuid(), email: z.string(), role: RoleSchema, created_at: z.string().openapi({ format: 'date-time' }) })
  .openapi('AdminUser');
export const AdminUsersPageSchema = z.object({ items: z.array(AdminUserSchema).openapi({ description: 'The matching user, if any' }) }).openapi('AdminUsers');

export const SetRoleBodySchema = z.strictObject({ role: RoleSchema, reason: z.string().min(1).max(500).optional() }).openapi('SetRoleRequest');

export type AdminUser = z.infer<typeof AdminUserSchema>;
