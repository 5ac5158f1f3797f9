import type { WebhookDelivery, WebhookDeliveryDetail, WebhookDeliveryStatus } from '../../openapi/schemas/webhooks.ts';
import type { WebhookEventType } from '../../openapi/schemas/webhook-events.ts';
import { recordAudit } from '../audit/record.ts';
import type { OperatorClaims } from '../auth/session.ts';
import type { Sql } from '../db/types.ts';
import { DomainError, invalidField, notFound } from '../errors/domain-error.ts';
import { beforeCursor, decodeKeysetCursor, encodeKeysetCursor } from '../http/keyset-cursor.ts';

// The delivery log an operator reads, and redelivery. The sender (cdc/webhooks) writes the
// deliveries and their attempts; core only reads them and sets one pending again.
type DeliveryRow = {
  id: string;
  event_id: string;
  event_type: WebhookEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  delivered_at: Date | null;
  created_at: Date;
  created_micros: string;
};

const columns = `id, event_id, event_type, status, attempts, last_status_code, last_error, next_attempt_at, delivered_at, created_at,
  (extract(epoch from created_at) * 1000000)::bigint::text as created_micros`;

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  event_id: r.event_id,
  event_type: r.event_type,
  status: r.status,
  attempts: r.attempts,
  last_status_code: r.last_status_code,
  last_error: r.last_error,
  next_attempt_at: r.next_attempt_at.toISOString(),
  delivered_at: r.delivered_at?.toISOString() ?? null,
  created_at: r.created_at.toISOString(),
});

async function assertEndpointExists(sql: Sql, endpointId: string): Promise<void> {
  const [found] = await sql`select 1 from webhook_endpoints where id = ${endpointId}`;
  if (!found) throw notFound('webhook endpoint');
}

export async function listDeliveries(
  sql: Sql,
  endpointId: string,
  q: { status?: WebhookDeliveryStatus; limit: number; cursor?: string },
): Promise<{ items: WebhookDelivery[]; next_cursor: string | null }> {
  const after = q.cursor === undefined ? null : decodeKeysetCursor(q.cursor);
  if (q.cursor !== undefined && !after) throw invalidField('query.cursor', 'invalid cursor', 'cursor: not a cursor from this API');
  await assertEndpointExists(sql, endpointId);
  const status = q.status ?? null;
  const rows = await sql<DeliveryRow[]>`
    select ${sql.unsafe(columns)} from webhook_deliveries d
    where endpoint_id = ${endpointId}
      and (${status}::text is null or status = ${status})
      and ${beforeCursor(sql, 'd', after)}
    order by created_at desc, id desc limit ${q.limit + 1}`;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toDelivery),
    next_cursor: rows.length > q.limit && last ? encodeKeysetCursor(last) : null,
  };
}

export async function getDelivery(sql: Sql, endpointId: string, deliveryId: string): Promise<WebhookDeliveryDetail> {
  const [row] = await sql<(DeliveryRow & { payload: WebhookDeliveryDetail['payload'] })[]>`
    select ${sql.unsafe(columns)}, payload from webhook_deliveries where id = ${deliveryId} and endpoint_id = ${endpointId}`;
  if (!row) throw notFound('webhook delivery');
  const attempts = await sql<{ at: Date; status_code: number | null; error: string | null; duration_ms: number }[]>`
    select at, status_code, error, duration_ms from webhook_attempts where delivery_id = ${deliveryId} order by id`;
  return { ...toDelivery(row), payload: row.payload, attempt_log: attempts.map((a) => ({ ...a, at: a.at.toISOString() })) };
}

/**
 * Due now with a full retry budget; its attempt history stays. The sender wakes on
 * `webhook_due`, which Postgres delivers when this transaction commits.
 */
export async function redeliver(sql: Sql, actor: OperatorClaims, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  return sql.begin(async (tx) => {
    const [current] = await tx<DeliveryRow[]>`
      select ${tx.unsafe(columns)} from webhook_deliveries where id = ${deliveryId} and endpoint_id = ${endpointId} for update`;
    if (!current) throw notFound('webhook delivery');
    const [endpoint] = await tx<{ disabled_at: Date | null }[]>`select disabled_at from webhook_endpoints where id = ${endpointId}`;
    if (endpoint?.disabled_at) throw new DomainError('endpoint-disabled', 'the webhook endpoint is disabled: enable it before redelivering');
    const [row] = await tx<DeliveryRow[]>`
      update webhook_deliveries set status = 'pending', attempts = 0, next_attempt_at = now(), delivered_at = null
      where id = ${deliveryId}
      returning ${tx.unsafe(columns)}`;
    const before = toDelivery(current);
    const after = toDelivery(row!);
    await tx`select pg_notify('webhook_due', ${deliveryId})`;
    await recordAudit(tx, actor, { action: 'webhook_delivery.redeliver', entity: 'webhook_delivery', entityId: deliveryId, before, after });
    return after;
  });
}
