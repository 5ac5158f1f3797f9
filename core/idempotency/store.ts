import type { Sql, Tx } from '../db/types.ts';
import { ProblemError, fail } from '../http/problem-error.ts';
import { decideExistingKey, requestHash, shouldStoreResponse, type StoredKey } from './rules.ts';

// Runs a request at most once per (user, route, key) and replays its answer. A retry that
// arrives while the first attempt runs waits up to waitMs for its answer, then gets 409.
export type Stored = { status: number; body: unknown };
export type IdempotencyScope = { userId: string; route: string; key: string; body: unknown };
export type IdempotencyOptions = { ttlHours: number; waitMs: number };

type Row = StoredKey & { response_status: number | null; response_body: string | null };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Lets a step store its answer inside its own final transaction, so the answer is recorded
 * exactly when the step commits (and one commit is saved). Steps that do not call it, and
 * problem answers, are recorded afterwards.
 */
export type Finish = (tx: Tx, result: Stored) => Promise<void>;

const recordDone = (db: Sql | Tx, scope: IdempotencyScope, result: Stored) => db`
  update idempotency_keys set state = 'done', response_status = ${result.status}, response_body = ${JSON.stringify(result.body)}
  where user_id = ${scope.userId} and route = ${scope.route} and key = ${scope.key}`;
const forget = (sql: Sql, scope: IdempotencyScope) =>
  sql`delete from idempotency_keys where user_id = ${scope.userId} and route = ${scope.route} and key = ${scope.key}`;

async function runAndRecord(sql: Sql, scope: IdempotencyScope, run: (finish: Finish) => Promise<Stored>): Promise<Stored> {
  let finished = false;
  const finish: Finish = async (tx, result) => {
    await recordDone(tx, scope, result);
    finished = true;
  };
  let result: Stored;
  try {
    result = await run(finish);
  } catch (err) {
    if (!(err instanceof ProblemError)) {
      await forget(sql, scope);
      throw err;
    }
    result = { status: err.problem.status, body: err.problem };
    finished = false;
  }
  if (finished) return result;
  await (shouldStoreResponse(result.status) ? recordDone(sql, scope, result) : forget(sql, scope));
  return result;
}

export async function withIdempotency(
  sql: Sql,
  scope: IdempotencyScope,
  opts: IdempotencyOptions,
  run: (finish: Finish) => Promise<Stored>,
): Promise<Stored & { replayed: boolean }> {
  const hash = requestHash(scope.body);
  const deadline = Date.now() + opts.waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    const claimed = await sql`
      insert into idempotency_keys (user_id, route, key, request_hash, state, expires_at)
      values (${scope.userId}, ${scope.route}, ${scope.key}, ${hash}, 'in_flight', now() + make_interval(hours => ${opts.ttlHours}))
      on conflict do nothing returning key`;
    if (claimed.length) return { ...(await runAndRecord(sql, scope, run)), replayed: false };

    const [row] = await sql<Row[]>`
      select state, request_hash, expires_at, response_status, response_body from idempotency_keys
      where user_id = ${scope.userId} and route = ${scope.route} and key = ${scope.key}`;
    if (!row) continue;
    const decision = decideExistingKey(row, hash, new Date());
    if (decision === 'replay') return { status: row.response_status!, body: JSON.parse(row.response_body!), replayed: true };
    if (decision === 'mismatch')
      return fail(422, 'idempotency-key-reused', 'Idempotency key reused', 'this Idempotency-Key was used with a different request body');
    if (decision === 'expired') {
      await sql`delete from idempotency_keys where user_id = ${scope.userId} and route = ${scope.route} and key = ${scope.key} and expires_at <= now()`;
      continue;
    }
    if (Date.now() + pause > deadline)
      return fail(409, 'idempotency-key-in-use', 'Request in progress', 'a request with this Idempotency-Key is still being processed; retry later');
    await sleep(pause);
  }
}

export async function purgeExpiredKeys(sql: Sql): Promise<number> {
  const rows = await sql`delete from idempotency_keys where expires_at <= now() returning key`;
  return rows.length;
}
