import postgres, { type Sql } from 'postgres';
import { postgresOptions } from '../../config/postgres.ts';

// The one way core opens Postgres, with the options every service shares (config/postgres.ts).
export function connect(cfg: { databaseUrl: string; POSTGRES_POOL_MAX: number }, opts: { max?: number; idle_timeout?: number } = {}): Sql {
  return postgres(cfg.databaseUrl, postgresOptions({ max: opts.max ?? cfg.POSTGRES_POOL_MAX, idle_timeout: opts.idle_timeout })) as unknown as Sql;
}
