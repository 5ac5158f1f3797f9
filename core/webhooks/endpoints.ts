import type { CreateWebhookEndpointBody, UpdateWebhookEndpointBody, WebhookEndpoint, WebhookEndpointWithSecret } from '../../openapi/schemas/webhooks.ts';
import type { WebhookEventType } from '../../openapi/schemas/webhook-events.ts';
import { recordAudit } from '../audit/record.ts';
import type { OperatorClaims } from '../auth/session.ts';
import type { Sql, Tx } from '../db/types.ts';
import { invalidField, notFound } from '../errors/domain-error.ts';
import { beforeCursor, decodeKeysetCursor, encodeKeysetCursor } from '../http/keyset-cursor.ts';
import { newWebhookSecret } from './secret.ts';

// Webhook endpoints: each change in one transaction with its audit row. The secret is written
// here and read only by the sender; no answer but create/rotate and no audit row carries it.
type EndpointRow = {
  id: string;
  url: string;
  event_types: WebhookEventType[];
  description: string | null;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  created_micros: string;
};

const columns = `id, url, event_types, description, disabled_at, created_at, updated_at,
  (extract(epoch from created_at) * 1000000)::bigint::text as created_micros`;

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  event_types: r.event_types,
  description: r.description,
  enabled: r.disabled_at === null,
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
});

const audit = (tx: Tx, actor: OperatorClaims, action: string, id: string, before: WebhookEndpoint | null, after: WebhookEndpoint | null) =>
  recordAudit(tx, actor, { action: `webhook_endpoint.${action}`, entity: 'webhook_endpoint', entityId: id, before, after });

async function lockEndpoint(tx: Tx, id: string): Promise<WebhookEndpoint> {
  const [row] = await tx<EndpointRow[]>`select ${tx.unsafe(columns)} from webhook_endpoints where id = ${id} for update`;
  if (!row) throw notFound('webhook endpoint');
  return toEndpoint(row);
}

export async function createEndpoint(sql: Sql, actor: OperatorClaims, body: CreateWebhookEndpointBody): Promise<WebhookEndpointWithSecret> {
  const secret = newWebhookSecret();
  return sql.begin(async (tx) => {
    const [row] = await tx<EndpointRow[]>`
      insert into webhook_endpoints (url, event_types, secret, description, created_by)
      values (${body.url}, ${tx.array(body.event_types)}, ${secret}, ${body.description ?? null}, ${actor.sub})
      returning ${tx.unsafe(columns)}`;
    const endpoint = toEndpoint(row!);
    await audit(tx, actor, 'create', endpoint.id, null, endpoint);
    return { ...endpoint, secret };
  });
}

export async function getEndpoint(sql: Sql, id: string): Promise<WebhookEndpoint> {
  const [row] = await sql<EndpointRow[]>`select ${sql.unsafe(columns)} from webhook_endpoints where id = ${id}`;
  if (!row) throw notFound('webhook endpoint');
  return toEndpoint(row);
}

export async function listEndpoints(sql: Sql, limit: number, cursor: string | undefined): Promise<{ items: WebhookEndpoint[]; next_cursor: string | null }> {
  const after = cursor === undefined ? null : decodeKeysetCursor(cursor);
  if (cursor !== undefined && !after) throw invalidField('query.cursor', 'invalid cursor', 'cursor: not a cursor from this API');
  const rows = await sql<EndpointRow[]>`
    select ${sql.unsafe(columns)} from webhook_endpoints e where ${beforeCursor(sql, 'e', after)}
    order by created_at desc, id desc limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toEndpoint),
    next_cursor: rows.length > limit && last ? encodeKeysetCursor(last) : null,
  };
}

export async function updateEndpoint(sql: Sql, actor: OperatorClaims, id: string, body: UpdateWebhookEndpointBody): Promise<WebhookEndpoint> {
  return sql.begin(async (tx) => {
    const before = await lockEndpoint(tx, id);
    const enabled = body.enabled ?? null;
    const [row] = await tx<EndpointRow[]>`
      update webhook_endpoints set
        url = ${body.url ?? before.url},
        event_types = ${tx.array(body.event_types ?? before.event_types)},
        description = ${body.description === undefined ? before.description : body.description},
        disabled_at = case when ${enabled}::boolean is null then disabled_at when ${enabled}::boolean then null else coalesce(disabled_at, now()) end,
        updated_at = now()
      where id = ${id}
      returning ${tx.unsafe(columns)}`;
    const after = toEndpoint(row!);
    await audit(tx, actor, 'update', id, before, after);
    return after;
  });
}

export async function deleteEndpoint(sql: Sql, actor: OperatorClaims, id: string): Promise<void> {
  await sql.begin(async (tx) => {
    const before = await lockEndpoint(tx, id);
    await tx`delete from webhook_endpoints where id = ${id}`;
    await audit(tx, actor, 'delete', id, before, null);
  });
}

export async function rotateSecret(sql: Sql, actor: OperatorClaims, id: string): Promise<WebhookEndpointWithSecret> {
  const secret = newWebhookSecret();
  return sql.begin(async (tx) => {
    const before = await lockEndpoint(tx, id);
    const [row] = await tx<EndpointRow[]>`update webhook_endpoints set secret = ${secret}, updated_at = now() where id = ${id} returning ${tx.unsafe(columns)}`;
    const after = toEndpoint(row!);
    await audit(tx, actor, 'rotate_secret', id, before, after);
    return { ...after, secret };
  });
}
