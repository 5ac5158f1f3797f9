import postgres, { type Sql } from 'postgres';

// Ordinary (non-replication) Postgres connections of the cdc workers. int8 columns (money in
// paise, counts) come back as JS numbers, as in core: all stay far below 2^53.
export function cdcSql(databaseUrl: string, max: number): Sql {
  return postgres(databaseUrl, {
    max,
    onnotice: () => {},
    types: { int8: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) } },
  }) as unknown as Sql;
}
