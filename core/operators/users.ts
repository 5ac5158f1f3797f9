import type { AdminUser } from '../../openapi/schemas/admin-users.ts';
import type { Role } from '../../openapi/schemas/auth.ts';
import { recordAudit } from '../audit/record.ts';
import type { OperatorClaims } from '../auth/session.ts';
import type { Sql } from '../db/types.ts';
import { DomainError, notFound } from '../errors/domain-error.ts';
import { isSelfDemotion } from './role-change.ts';

// Users as admins see them, and role changes.
type UserRow = { id: string; email: string; role: Role; created_at: Date };
const toAdminUser = (u: UserRow): AdminUser => ({ id: u.id, email: u.email, role: u.role, created_at: u.created_at.toISOString() });

export async function findUsersByEmail(sql: Sql, email: string): Promise<{ items: AdminUser[] }> {
  const rows = await sql<UserRow[]>`select id, email, role, created_at from users where email = ${email.toLowerCase()}`;
  return { items: rows.map(toAdminUser) };
}

/**
 * Locks every admin row first: of two admins demoting each other at once, the second finds it is
 * no longer an admin and is refused, so at least one admin always remains.
 */
export async function setUserRole(sql: Sql, operator: OperatorClaims, userId: string, role: Role, reason: string | null): Promise<AdminUser> {
  return sql.begin(async (tx) => {
    const admins = await tx<{ id: string }[]>`select id from users where role = 'admin' order by id for update`;
    if (!admins.some((a) => a.id === operator.sub)) throw new DomainError('forbidden', 'the admin role is required');
    const [user] = await tx<UserRow[]>`select id, email, role, created_at from users where id = ${userId} for update`;
    if (!user) throw notFound('user');
    if (isSelfDemotion({ actorId: operator.sub, userId, to: role }))
      throw new DomainError('self-demotion', 'an admin cannot take the admin role from themselves; another admin can', { current_role: user.role });
    await tx`update users set role = ${role} where id = ${userId}`;
    await recordAudit(tx, operator, { action: 'user.role', entity: 'user', entityId: userId, before: { role: user.role }, after: { role }, reason });
    return toAdminUser({ ...user, role });
  });
}
