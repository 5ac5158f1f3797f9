// How every service opens Postgres (core's pool, the cdc workers, tests): the address comes
// from config.databaseUrl, the options from here, so a column means the same value everywhere.

/**
 * int8 (money in paise, counts, LSNs, xids) becomes a JS number while it is a safe integer,
 * else its exact decimal text: JSON has no bigint, and every value we store today stays far
 * below 2^53, but a wider one must not be silently rounded.
 */
export function int8FromText(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

const INT8_OID = 20;

/** postgres.js options shared by every pool; `pool` sets its size and idle timeout. */
export function postgresOptions(pool: { max: number; idle_timeout?: number }) {
  return {
    ...pool,
    onnotice: () => {},
    types: {
      int8: { to: INT8_OID, from: [INT8_OID], serialize: (x: number | bigint | string) => String(x), parse: int8FromText },
    },
  };
}
