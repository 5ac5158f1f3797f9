import postgres, { type Sql } from 'postgres';
import { postgresOptions } from '../config/postgres.ts';

// Ordinary (non-replication) Postgres connections of the cdc workers, with the options every
// service shares (config/postgres.ts).
export function cdcSql(databaseUrl: string, max: number): Sql {
  return postgres(databaseUrl, postgresOptions({ max })) as unknown as Sql;
}
