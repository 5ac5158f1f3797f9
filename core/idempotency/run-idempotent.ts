import type { Config } from '../../config/index.ts';
import type { Problem } from '../../openapi/schemas/common.ts';
import type { Sql, Tx } from '../db/types.ts';
import { DomainError } from '../errors/domain-error.ts';
import { problemOf } from '../http/problem-of.ts';
import { claimKey, dropIfExpired, forgetKey, readKey, reclaimKey, recordAnswer, type Claim, type KeyRow, type KeyScope } from './keys.ts';
import { decideExistingKey, requestHash, shouldStoreResponse } from './rules.ts';

// Runs a step at most once per (user, route, key) and replays its answer. The wrapper claims the
// key, runs the step's transaction and records the answer in that same transaction, so an answer
// is stored exactly when the step's changes commit. A retry that arrives while the first attempt
// runs waits up to waitMs for its answer, then is refused as idempotency-key-in-use. A key still
// in flight after lockTimeoutMs belongs to a request that died with its process (kill -9, a lost
// machine): a retry claims it again and runs the step; should the first attempt be alive after
// all, whichever records its answer first wins and the other rolls back and replays it, so the
// step still takes effect at most once.
export type IdempotentRequest = KeyScope & { body: unknown };
export type IdempotencyOptions = { ttlHours: number; waitMs: number; lockTimeoutMs: number; okStatus: number };

export const idempotencyOptions = (c: Pick<Config, 'IDEMPOTENCY_TTL_HOURS' | 'IDEMPOTENCY_WAIT_MS' | 'IDEMPOTENCY_LOCK_TIMEOUT_MS'>) => ({
  ttlHours: c.IDEMPOTENCY_TTL_HOURS,
  waitMs: c.IDEMPOTENCY_WAIT_MS,
  lockTimeoutMs: c.IDEMPOTENCY_LOCK_TIMEOUT_MS,
});

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

/** Thrown inside the step's transaction when another attempt recorded its answer first: this one rolls back. */
class Superseded extends Error {}

/** The answer, or null when another attempt of the same key answered first (the caller replays that). */
async function runClaimed<T, P>(sql: Sql, req: IdempotentRequest, claim: Claim, okStatus: number, step: IdempotentStep<T, P>): Promise<Answer<T> | null> {
  let answer: Answer<T>;
  try {
    const prepared = (await step.prepare?.()) as P;
    answer = await sql.begin(async (tx) => {
      const result = await step.commit(tx, prepared);
      const a: Answer<T> = result instanceof DomainError ? refusal(result) : { ok: true, status: okStatus, body: result };
      if (shouldStoreResponse(a.status) && !(await recordAnswer(tx, req, a.status, JSON.stringify(a.body)))) throw new Superseded();
      return a;
    });
    if (!shouldStoreResponse(answer.status)) await forgetKey(sql, req, claim);
    return answer;
  } catch (err) {
    if (err instanceof Superseded) return null;
    if (!(err instanceof DomainError)) {
      await forgetKey(sql, req, claim);
      throw err;
    }
    answer = refusal(err);
  }
  if (!shouldStoreResponse(answer.status)) {
    await forgetKey(sql, req, claim);
    return answer;
  }
  return (await recordAnswer(sql, req, answer.status, JSON.stringify(answer.body))) ? answer : null;
}

async function runOnce<T, P>(sql: Sql, req: IdempotentRequest, claim: Claim, okStatus: number, step: IdempotentStep<T, P>) {
  const answer = await runClaimed(sql, req, claim, okStatus, step);
  return answer && Object.assign(answer, { replayed: false });
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
    const claim = await claimKey(sql, req, hash, opts.ttlHours);
    const answer = claim && (await runOnce(sql, req, claim, opts.okStatus, step));
    if (answer) return answer;
    const row = await readKey(sql, req);
    if (!row) continue;
    const decision = decideExistingKey(row, hash, row.db_now, opts.lockTimeoutMs);
    if (decision === 'replay') return replay<T>(row);
    if (decision === 'mismatch') throw new DomainError('idempotency-key-reused', 'this Idempotency-Key was used with a different request body');
    if (decision === 'expired') {
      await dropIfExpired(sql, req);
      continue;
    }
    if (decision === 'abandoned') {
      const reclaimed = await reclaimKey(sql, req, hash, opts.lockTimeoutMs);
      const retried = reclaimed && (await runOnce(sql, req, reclaimed, opts.okStatus, step));
      if (retried) return retried;
      continue;
    }
    if (Date.now() + pause > deadline)
      throw new DomainError('idempotency-key-in-use', 'a request with this Idempotency-Key is still being processed; retry later');
    await sleep(pause);
  }
}
