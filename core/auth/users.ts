import type { Role } from '../../openapi/schemas/auth.ts';
import type { Sql } from '../db/types.ts';
import { isUniqueViolation } from '../db/types.ts';
import { hashPassword } from './password.ts';

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

/** Creates or promotes the configured operator account (ADMIN_EMAIL / ADMIN_PASSWORD). */
export async function ensureAdmin(sql: Sql, email: string, password: string): Promise<User> {
  const hash = await hashPassword(password);
  const [u] = await sql<User[]>`
    insert into users (email, password_hash, role) values (${email.toLowerCase()}, ${hash}, 'admin')
    on conflict (email) do update set role = 'admin', password_hash = excluded.password_hash
    returning id, email, role`;
  return u!;
}
