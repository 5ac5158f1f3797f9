import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { config } from '../config/index.ts';

// postgres.js 3.4.9 is patched (patches/postgres+3.4.9.patch, applied on install): sql.begin()
// reserves its connection whenever BEGIN is sent. Unpatched, a BEGIN that filled a connection's
// pipeline (or met socket backpressure) went out without the reservation: the flash-sale test saw
// UNSAFE_TRANSACTION 500s, and the open transaction stayed on a pooled connection
// (porsager/postgres#823, #1189, #1210). max_pipeline 0 puts every BEGIN at that boundary.
// max_pipeline is a connection option the type definitions leave out.
const options = { max: 2, max_pipeline: 0, onnotice: () => {} };
const sql = postgres(config.databaseUrl, options as postgres.Options<Record<string, postgres.PostgresType>>);
afterAll(() => sql.end({ timeout: 5 }));

describe('postgres.js transactions', () => {
  it('sql.begin reserves its connection when BEGIN is the query that fills the pipeline', async () => {
    expect(await sql.begin((tx) => tx`select 1 as ok`)).toEqual([{ ok: 1 }]);
  });
});
