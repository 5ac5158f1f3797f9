import type { Problem } from '../../openapi/schemas/common.ts';
import type { Sql, Tx } from '../db/types.ts';
import { DomainError } from '../errors/domain-error.ts';
import { problemOf } from '../http/problem-of.ts';
import { claimKey, dropIfExpired, forgetKey, readKey, recordAnswer, type KeyRow, type KeyScope } from './keys.ts';
import { decideExistingKey, requestHash, shouldStoreResponse } from './rules.ts';

// Runs a step at most once per (user, route, key) and replays its answer. The wrapper claims the
// key, runs the step's transaction and records the answer in that same transaction, so an answer
// is stored exactly when the step's changes commit. A retry that arrives while the first attempt
// runs waits up to waitMs for its answer, then is refused as idempotency-key-in-use.
export type IdempotentRequest = KeyScope & { body: unknown };
export type IdempotencyOptions = { ttlHours: number; waitMs: number; okStatus: number };

/**
 * `prepare` runs before the transaction, for work that must not hold one (a payment's remote
 * authorisation). `commit` runs in the transaction; it returns the answer, or a DomainError to
 * answer with while keeping its changes. Anything thrown rolls the transaction back; a thrown
 * DomainError is still the answer (recorded unless it is a server error), anything else forgets
 * the key so the client may retry.
 */
export type IdempotentStep<T, P = undefined> = {
  prepare?: () => Promise<P>;
  commit: (tx: Tx, prepared: P) => Promise<T | DomainError>;
};

type Answer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; body: Problem };
export type IdempotentAnswer<T> = Answer<T> & { replayed: boolean };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const refusal = (err: DomainError): Answer<never> => {
  const p = problemOf(err);
  return { ok: false, status: p.status, body: p };
};

function replay<T>(row: KeyRow): IdempotentAnswer<T> {
  const status = row.response_status!;
  const body: unknown = JSON.parse(row.response_body!);
  return status < 400 ? { ok: true, status, body: body as T, replayed: true } : { ok: false, status, body: body as Problem, replayed: true };
}

async function runClaimed<T, P>(sql: Sql, req: IdempotentRequest, okStatus: number, step: IdempotentStep<T, P>): Promise<Answer<T>> {
  let answer: Answer<T>;
  try {
    const prepared = (await step.prepare?.()) as P;
    answer = await sql.begin(async (tx) => {
      const result = await step.commit(tx, prepared);
      const a: Answer<T> = result instanceof DomainError ? refusal(result) : { ok: true, status: okStatus, body: result };
      if (shouldStoreResponse(a.status)) await recordAnswer(tx, req, a.status, JSON.stringify(a.body));
      return a;
    });
    if (!shouldStoreResponse(answer.status)) await forgetKey(sql, req);
    return answer;
  } catch (err) {
    if (!(err instanceof DomainError)) {
      await forgetKey(sql, req);
      throw err;
    }
    answer = refusal(err);
  }
  await (shouldStoreResponse(answer.status) ? recordAnswer(sql, req, answer.status, JSON.stringify(answer.body)) : forgetKey(sql, req));
  return answer;
}

export async function runIdempotent<T, P = undefined>(
  sql: Sql,
  req: IdempotentRequest,
  opts: IdempotencyOptions,
  step: IdempotentStep<T, P>,
): Promise<IdempotentAnswer<T>> {
  const hash = requestHash(req.body);
  const deadline = Date.now() + opts.waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    if (await claimKey(sql, req, hash, opts.ttlHours)) return Object.assign(await runClaimed(sql, req, opts.okStatus, step), { replayed: false });
    const row = await readKey(sql, req);
    if (!row) continue;
    const decision = decideExistingKey(row, hash, new Date());
    if (decision === 'replay') return replay<T>(row);
    if (decision === 'mismatch') throw new DomainError('idempotency-key-reused', 'this Idempotency-Key was used with a different request body');
    if (decision === 'expired') {
      await dropIfExpired(sql, req);
      continue;
    }
    if (Date.now() + pause > deadline)
      throw new DomainError('idempotency-key-in-use', 'a request with this Idempotency-Key is still being processed; retry later');
    await sleep(pause);
  }
}
