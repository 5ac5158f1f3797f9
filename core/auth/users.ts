import type { Role } from '../../openapi/schemas/auth.ts';
import type { Sql } from '../db/types.ts';
import { isUniqueViolation } from '../db/types.ts';
import { hashPassword, type ScryptCost } from './password.ts';

export type User = { id: string; email: string; role: Role };
export type UserWithHash = User & { password_hash: string };

/** null when the email is taken. Also the way tests and the admin bootstrap create users. */
export async function createUser(sql: Sql, email: string, passwordHash: string, role: Role = 'customer'): Promise<User | null> {
  try {
    const [u] = await sql<
      User[]
    >`insert into users (email, password_hash, role) values (${email.toLowerCase()}, ${passwordHash}, ${role}) returning id, email, role`;
    return u ?? null;
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

export async function findUserByEmail(sql: Sql, email: string): Promise<UserWithHash | null> {
  const [u] = await sql<UserWithHash[]>`select id, email, role, password_hash from users where email = ${email.toLowerCase()}`;
  return u ?? null;
}

/** The role the database holds now: a token's role claim may predate a demotion. */
export async function currentRole(sql: Sql, id: string): Promise<Role | null> {
  const [u] = await sql<{ role: Role }[]>`select role from users where id = ${id}`;
  return u?.role ?? null;
}

/** Replaces a hash by a stronger one, unless the password changed meanwhile. */
export async function upgradePasswordHash(sql: Sql, id: string, previous: string, next: string): Promise<void> {
  await sql`update users set password_hash = ${next} where id = ${id} and password_hash = ${previous}`;
}

/** Creates or promotes the configured operator account (ADMIN_EMAIL / ADMIN_PASSWORD). */
export async function ensureAdmin(sql: Sql, email: string, password: string, cost: ScryptCost): Promise<User> {
  const hash = await hashPassword(password, cost);
  const [u] = await sql<User[]>`
    insert into users (email, password_hash, role) values (${email.toLowerCase()}, ${hash}, 'admin')
    on conflict (email) do update set role = 'admin', password_hash = excluded.password_hash
    returning id, email, role`;
  return u!;
}
