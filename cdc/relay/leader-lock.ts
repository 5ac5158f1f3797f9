import postgres from 'postgres';
import { sleep } from '../backoff.ts';
import { postgresOptions } from '../../config/postgres.ts';

// One active relay per slot: the active one holds a session-level advisory lock on a connection
// of its own, and a standby polls for it. A relay that dies (kill -9 included) ends its session,
// Postgres frees the lock, and the standby takes over from the slot's confirmed LSN. While
// active, the lock's connection is checked at the same pace: a lost connection is a lost lock.

export type LeaderLock = {
  /** Resolves when the lock is lost (its connection broke); never while it is held. */
  lost: Promise<void>;
  release(): Promise<void>;
};

const lockKey = (slot: string) => `commerce-cdc-relay:${slot}`;

/** Waits for the slot's lock, trying every `pollMs`; null when `stopped()` said so first. */
export async function acquireLeaderLock(
  databaseUrl: string,
  slot: string,
  opts: { pollMs: number; stopped(): boolean; onWaiting(): void; onError(e: unknown): void },
): Promise<LeaderLock | null> {
  const sql = postgres(databaseUrl, { ...postgresOptions({ max: 1 }), max_lifetime: null });
  let conn: postgres.ReservedSql | null = null;
  let waiting = false;
  try {
    while (!opts.stopped()) {
      try {
        conn ??= await sql.reserve();
        const [row] = await conn<{ locked: boolean }[]>`select pg_try_advisory_lock(hashtextextended(${lockKey(slot)}, 0)) as locked`;
        if (row!.locked) return held(sql, conn, opts.pollMs);
        if (!waiting) opts.onWaiting();
        waiting = true;
      } catch (e) {
        opts.onError(e);
        conn?.release();
        conn = null;
      }
      await sleep(opts.pollMs);
    }
  } catch (e) {
    await sql.end({ timeout: 1 });
    throw e;
  }
  conn?.release();
  await sql.end({ timeout: 1 });
  return null;
}

function held(sql: postgres.Sql, conn: postgres.ReservedSql, pollMs: number): LeaderLock {
  let releasing = false;
  const lost = (async () => {
    for (;;) {
      await sleep(pollMs);
      if (releasing) return new Promise<void>(() => {});
      try {
        await conn`select 1`;
      } catch {
        if (!releasing) return;
      }
    }
  })();
  return {
    lost,
    async release() {
      releasing = true;
      conn.release();
      // ending the session frees the lock
      await sql.end({ timeout: 2 });
    },
  };
}
