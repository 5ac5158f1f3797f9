import type { Sql, TransactionSql } from 'postgres';

// Steps that must run inside a caller's transaction take Tx; entry points take Sql.
export type Tx = TransactionSql<Record<string, never>>;
export type { Sql };

export const isUniqueViolation = (err: unknown, constraint?: string): boolean =>
  (err as { code?: string }).code === '23505' && (constraint === undefined || (err as { constraint_name?: string }).constraint_name === constraint);
