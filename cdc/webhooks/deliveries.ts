import type { Sql } from 'postgres';
import type { WebhookEvent } from '../../openapi/schemas/webhook-events.ts';

// The SQL of the sender over core's webhook tables (core/db/migrations/030_webhooks.sql).

export type Endpoint = { id: string; event_types: string[]; created_at: Date };
export type DueDelivery = {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: WebhookEvent;
  attempts: number;
  url: string;
  secret: string;
};
export type AttemptOutcome = { statusCode: number | null; error: string | null; durationMs: number };

/** Which endpoints a sender serves: null every one, else those listed. */
export type EndpointScope = readonly string[] | null;

export const enabledEndpoints = (sql: Sql, scope: EndpointScope): Promise<Endpoint[]> =>
  sql<Endpoint[]>`
    select id, event_types, created_at from webhook_endpoints
    where disabled_at is null and (${scope === null} or id = any(${scope ?? []}::uuid[]))`.then((rows) => [...rows]);

export async function orderAmounts(sql: Sql, ids: string[]): Promise<Map<string, { total_amount: number; currency: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; total_amount: number; currency: string }[]>`
    select id, total_amount, currency from orders where id = any(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, { total_amount: r.total_amount, currency: r.currency }]));
}

/** One pending delivery per endpoint and event; an event already there (a replay) is left as it is. Returns how many are new. */
export async function insertDeliveries(sql: Sql, rows: { endpointId: string; event: WebhookEvent }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await sql`
    insert into webhook_deliveries ${sql(rows.map((r) => ({ endpoint_id: r.endpointId, event_id: r.event.id, event_type: r.event.type, payload: sql.json(r.event) })))}
    on conflict (endpoint_id, event_id) do nothing
    returning id`;
  return inserted.length;
}

/**
 * Claims up to `limit` due deliveries of enabled endpoints. Claiming moves next_attempt_at a
 * lease ahead, so another sender (skip locked) or this one's next claim passes them by while
 * they are sent; the attempt's record replaces it, and a sender that died mid-send leaves
 * them due again when the lease ends.
 */
export async function claimDue(sql: Sql, limit: number, leaseMs: number, scope: EndpointScope): Promise<DueDelivery[]> {
  const rows = await sql<DueDelivery[]>`
    with due as (
      select d.id from webhook_deliveries d
      where d.status = 'pending' and d.next_attempt_at <= now()
        and exists (select 1 from webhook_endpoints e where e.id = d.endpoint_id and e.disabled_at is null)
        and (${scope === null} or d.endpoint_id = any(${scope ?? []}::uuid[]))
      order by d.next_attempt_at
      limit ${limit}
      for update of d skip locked
    )
    update webhook_deliveries d
    set next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
    from due, webhook_endpoints e
    where d.id = due.id and e.id = d.endpoint_id
    returning d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, e.url, e.secret`;
  return [...rows];
}

/** The attempt's row in the delivery log, and the delivery's new state: delivered, due again after `retryInMs`, or dead. */
export async function recordAttempt(
  sql: Sql,
  deliveryId: string,
  outcome: AttemptOutcome,
  next: { kind: 'delivered' } | { kind: 'retry'; delayMs: number } | { kind: 'dead' },
): Promise<void> {
  const status = next.kind === 'retry' ? 'pending' : next.kind;
  const delayMs = next.kind === 'retry' ? next.delayMs : 0;
  // one statement (one round trip, atomic): the log row and the delivery's new state
  await sql`
    with attempt as (
      insert into webhook_attempts (delivery_id, status_code, error, duration_ms)
      values (${deliveryId}, ${outcome.statusCode}, ${outcome.error}, ${Math.round(outcome.durationMs)})
    )
    update webhook_deliveries set
      attempts = attempts + 1,
      status = ${status},
      last_attempt_at = now(),
      last_status_code = ${outcome.statusCode},
      last_error = ${outcome.error},
      next_attempt_at = now() + make_interval(secs => ${delayMs / 1000}),
      delivered_at = case when ${status} = 'delivered' then now() else delivered_at end
    where id = ${deliveryId}`;
}

/** Deliveries waiting: due now, and scheduled for a later retry. */
export async function queueDepth(sql: Sql): Promise<{ due: number; scheduled: number }> {
  const [row] = await sql<[{ due: number; scheduled: number }]>`
    select count(*) filter (where next_attempt_at <= now())::int as due, count(*) filter (where next_attempt_at > now())::int as scheduled
    from webhook_deliveries where status = 'pending'`;
  return row ?? { due: 0, scheduled: 0 };
}
