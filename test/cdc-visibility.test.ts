import { afterAll, describe, expect, it } from 'vitest';
import { config } from '../config/index.ts';
import { cdcSql } from '../cdc/db.ts';
import { waitUntilVisible } from '../cdc/consumer/visibility.ts';

const sql = cdcSql(config.databaseUrl, 3);
afterAll(() => sql.end());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waitUntilVisible', () => {
  it('waits while a transaction is still in progress and returns once it is committed', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let xid = 0;
    const gotXid = new Promise<void>((resolve) => {
      void sql.begin(async (tx) => {
        const [row] = await tx<[{ xid: string }]>`select (pg_current_xact_id()::text::bigint % 4294967296)::text as xid`;
        xid = Number(row.xid);
        resolve();
        await held;
      });
    });
    await gotXid;
    let done = false;
    const waiting = waitUntilVisible(sql, [xid]).then((v) => {
      done = true;
      return v;
    });
    await sleep(300);
    expect(done).toBe(false);
    release();
    expect(await waiting).toBe(true);
  });

  it('answers at once for committed transactions and for events without one', async () => {
    const [row] = await sql<[{ xid: string }]>`select (pg_current_xact_id()::text::bigint % 4294967296)::text as xid`;
    expect(await waitUntilVisible(sql, [Number(row.xid)])).toBe(true);
    expect(await waitUntilVisible(sql, [])).toBe(true);
  });
});
