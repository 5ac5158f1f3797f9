import postgres, { type Sql } from 'postgres';
import type { Config } from '../../config/index.ts';

// The one way core opens Postgres. int8 columns (money in paise, counts) are parsed to JS
// numbers: every amount stays far below 2^53, and JSON has no bigint.
const int8AsNumber = {
  to: 20,
  from: [20],
  serialize: (x: number | bigint) => String(x),
  parse: (x: string) => Number(x),
};

export function connect(cfg: { databaseUrl: string; POSTGRES_POOL_MAX: number }, opts: { max?: number; idle_timeout?: number } = {}): Sql {
  return postgres(cfg.databaseUrl, {
    max: opts.max ?? cfg.POSTGRES_POOL_MAX,
    idle_timeout: opts.idle_timeout,
    onnotice: () => {},
    types: { int8: int8AsNumber },
  }) as unknown as Sql;
}
