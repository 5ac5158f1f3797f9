import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteGroup, groupCaughtUp, tapTopics } from '../cdc/kafka.ts';
import type { Relay } from '../cdc/relay/relay.ts';
import { deadLetterTopic, startWebhookSender, type WebhookSender } from '../cdc/webhooks/sender.ts';
import { webhookSettings, type WebhookSettings } from '../cdc/webhooks/settings.ts';
import { config } from '../config/index.ts';
import { topicFor } from '../openapi/internal/events.ts';
import { insertProducts, serviceLogger, startTestRelay, teardown, testSql, uniqueNames, waitFor } from './cdc-harness.ts';
import { freePort } from './support/servers.ts';

// The webhook sender on a private pipeline (relay without a snapshot, its own topics and
// groups), posting to receivers on loopback. The receivers check signatures with their own
// code, written from the README's description (not the sender's signer).
const names = uniqueNames('wh');
const run = randomUUID().slice(0, 8);
const productPrefix = `wh-${run}`;
const DOWN_MS = 30_000;
let sql: Sql;
let relay: Relay;
let sender: WebhookSender | null = null;
let userId: string;
const endpointIds: string[] = [];
const myOrders: string[] = [];
const groups: string[] = [];
const receivers: Receiver[] = [];

type Body = { id: string; type: string; created: number; data: { order?: Record<string, unknown>; product?: Record<string, unknown> } };
type Received = { at: number; id: string; type: string; body: Body; signatureValid: boolean; headerId: string | undefined };
type Receiver = { port: number; url: string; got: Received[]; status: number; listen(): Promise<void>; close(): Promise<void> };

/** The README's algorithm: HMAC-SHA256 keyed with the secret over "<t>.<raw body>", hex, t within 5 minutes. */
function verify(secret: string, header: string | undefined, raw: Buffer): boolean {
  const parts = new Map<string, string[]>();
  for (const item of (header ?? '').split(',')) {
    const [k, v] = item.split('=');
    if (k && v) parts.set(k.trim(), [...(parts.get(k.trim()) ?? []), v.trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(raw).digest();
  return (parts.get('v1') ?? []).some((hex) => {
    const got = Buffer.from(hex, 'hex');
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}

async function receiver(secret: string, port?: number): Promise<Receiver> {
  const p = port ?? (await freePort());
  let server: Server | null = null;
  const r: Receiver = {
    port: p,
    url: `http://127.0.0.1:${p}/hooks`,
    got: [],
    status: 204,
    listen: () =>
      new Promise((resolve) => {
        server = createServer((req, res) => {
          const chunks: Buffer[] = [];
          req.on('data', (c: Buffer) => chunks.push(c));
          req.on('end', () => {
            const raw = Buffer.concat(chunks);
            const body = JSON.parse(raw.toString('utf8')) as Body;
            r.got.push({
              at: Date.now(),
              id: body.id,
              type: body.type,
              body,
              signatureValid: verify(secret, req.headers['webhook-signature'] as string | undefined, raw),
              headerId: req.headers['webhook-id'] as string | undefined,
            });
            res.writeHead(r.status).end();
          });
        });
        server.listen(p, '127.0.0.1', () => resolve());
      }),
    close: () => new Promise((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
  receivers.push(r);
  return r;
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

async function endpoint(url: string, secret: string, types: string[]): Promise<string> {
  const [row] = await sql<[{ id: string }]>`
    insert into webhook_endpoints (url, event_types, secret, created_by) values (${url}, ${types}, ${secret}, ${userId}) returning id`;
  endpointIds.push(row.id);
  return row.id;
}

async function newOrder(total: number): Promise<string> {
  const [o] = await sql<[{ id: string }]>`
    insert into orders (user_id, status, total_amount, payment_due_at) values (${userId}, 'pending_payment', ${total}, now() + interval '15 minutes') returning id`;
  await sql`insert into order_events (order_id, status) values (${o.id}, 'pending_payment')`;
  myOrders.push(o.id);
  return o.id;
}

/** The order moves to `status` as core moves it: the row and its history entry in one transaction; returns the event id. */
async function moveOrder(orderId: string, status: string, reason: string | null = null): Promise<string> {
  const [e] = await sql.begin(async (tx) => {
    await tx`update orders set status = ${status}, updated_at = now() where id = ${orderId}`;
    return tx<[{ id: number }]>`insert into order_events (order_id, status, reason) values (${orderId}, ${status}, ${reason}) returning id`;
  });
  return `evt_order_${e.id}`;
}

async function startSender(over: Partial<WebhookSettings>): Promise<void> {
  const groupId = `${names.groupId}-webhooks-${groups.length}`;
  groups.push(groupId);
  sender = await startWebhookSender(
    webhookSettings(config, {
      groupId,
      topicPrefix: names.topicPrefix,
      // other suites' endpoints in the shared test database are not ours to send to
      onlyEndpoints: endpointIds,
      metricsPort: null,
      fromBeginning: true,
      requestTimeoutMs: 2000,
      ...over,
    }),
    serviceLogger('webhooks'),
  );
}

// Other suites working on the same database at the same time make changes our relay streams
// too: assertions look at the events of this file's orders and products only.
const mine = (g: Received) => myOrders.includes(String(g.body.data?.order?.id)) || g.id.startsWith(`evt_stock_${productPrefix}-`);
const received = (r: Receiver) => r.got.filter(mine);
const MY_DELIVERIES = (endpoints: string[]) => sql`
  select id, endpoint_id, event_id, status, attempts from webhook_deliveries
  where endpoint_id = any(${endpoints}::uuid[])
    and (payload->'data'->'order'->>'id' = any(${myOrders}) or event_id like ${`evt_stock_${productPrefix}-%`})`;
const deliveriesOf = (endpointId: string) =>
  sql<{ id: string; endpoint_id: string; event_id: string; status: string; attempts: number }[]>`${MY_DELIVERIES([endpointId])} order by created_at`;

beforeAll(async () => {
  sql = testSql();
  relay = await startTestRelay(names, { initialSnapshot: false });
  [{ id: userId }] = await sql<[{ id: string }]>`
    insert into users (email, password_hash) values (${`webhooks-${run}@example.com`}, 'scrypt$1024$8$1$x$x') returning id`;
  await insertProducts(sql, productPrefix, 2, 10);
  // retries every 1..4 s (±25 %), far more attempts than a 30 s outage takes
  await startSender({ retry: { baseMs: 1000, maxMs: 4000, maxAttempts: 40 } });
});

afterAll(async () => {
  await sender?.stop();
  await relay?.stop();
  for (const r of receivers) await r.close();
  if (endpointIds.length > 0) await sql`delete from webhook_endpoints where id = any(${endpointIds}::uuid[])`;
  if (userId) await sql`delete from orders where user_id = ${userId}`;
  await sql`delete from users where id = ${userId ?? randomUUID()}`;
  await sql`delete from products where id like ${`${productPrefix}-%`}`;
  await teardown(names);
  for (const g of groups) await deleteGroup(config.KAFKA_BROKERS, g);
  await sql.end();
}, 60_000);

describe('webhook sender', () => {
  it('order paid → shipped → delivered and a stock crossing: one signed delivery each, to the subscribed endpoint only', async () => {
    const secretA = newSecret();
    const subscribedA = await receiver(secretA);
    await subscribedA.listen();
    const other = await receiver(newSecret());
    await other.listen();
    await endpoint(subscribedA.url, secretA, ['order.paid', 'order.shipped', 'order.delivered', 'product.low_stock']);
    const otherId = await endpoint(other.url, newSecret(), ['order.refunded']);

    const orderId = await newOrder(37_900);
    const ids = [
      await moveOrder(orderId, 'paid'),
      await moveOrder(orderId, 'packed'),
      await moveOrder(orderId, 'shipped'),
      await moveOrder(orderId, 'delivered'),
    ];
    const expectedIds = [ids[0], ids[2], ids[3]];
    // 10 on hand, 6 reserved: 4 available, at or below the threshold of 5
    await sql`update inventory set reserved = 6 where product_id = ${`${productPrefix}-0`}`;

    // a new consumer group may take a while to join on a busy broker
    await waitFor('four deliveries at the subscribed receiver', async () => received(subscribedA).length >= 4, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    const got = received(subscribedA);
    const orderEvents = got.filter((g) => g.type.startsWith('order.'));
    // sent side by side: arrival order is not promised (receivers order by data.order.at)
    expect(orderEvents.map((g) => g.id).sort()).toEqual([...expectedIds].sort());
    expect(orderEvents.map((g) => g.type).sort()).toEqual(['order.delivered', 'order.paid', 'order.shipped']);
    expect(orderEvents.find((g) => g.type === 'order.paid')!.body.data.order).toMatchObject({
      id: orderId,
      status: 'paid',
      total_amount: 37_900,
      currency: 'INR',
      reason: null,
    });
    expect(Object.keys(orderEvents[0]!.body.data.order ?? {}).sort()).toEqual(['at', 'currency', 'id', 'reason', 'status', 'total_amount']);
    const stockEvent = got.find((g) => g.type === 'product.low_stock');
    expect(stockEvent?.body.data.product).toEqual({ id: `${productPrefix}-0`, available: 4, on_hand: 10, reserved: 6 });
    expect(stockEvent?.id).toMatch(new RegExp(`^evt_stock_${productPrefix}-0_\\d+$`));
    expect(got).toHaveLength(4);
    expect(subscribedA.got.every((g) => g.signatureValid && g.headerId === g.id)).toBe(true);
    expect(received(other)).toHaveLength(0);
    expect(await deliveriesOf(otherId)).toHaveLength(0);
  }, 90_000);

  it(`a receiver down for ${DOWN_MS / 1000} s gets every event afterwards; the failed attempts are in the log`, async () => {
    const secret = newSecret();
    const down = await receiver(secret);
    const endpointId = await endpoint(down.url, secret, ['order.paid', 'order.cancelled', 'product.out_of_stock']);
    const downSince = Date.now();
    const orderA = await newOrder(1_000);
    const orderB = await newOrder(2_000);
    const expected = [await moveOrder(orderA, 'paid'), await moveOrder(orderB, 'cancelled', 'payment window expired')];
    await sql`update inventory set reserved = 10 where product_id = ${`${productPrefix}-1`}`;
    await waitFor('three deliveries recorded', async () => (await deliveriesOf(endpointId)).length === 3, 20_000);
    await new Promise((r) => setTimeout(r, DOWN_MS - (Date.now() - downSince)));
    await down.listen();
    await waitFor('every event at the receiver once it listens', async () => new Set(received(down).map((g) => g.id)).size === 3, 30_000);

    const got = new Set(received(down).map((g) => g.id));
    for (const id of expected) expect(got.has(id)).toBe(true);
    expect(down.got.every((g) => g.signatureValid)).toBe(true);
    // the sender records an attempt after the receiver has answered it
    const rows = await waitFor(
      'every delivery recorded as delivered',
      async () => {
        const all = await deliveriesOf(endpointId);
        return all.every((r) => r.status === 'delivered') ? all : null;
      },
      10_000,
    );
    expect(rows).toHaveLength(3);
    const attempts = await sql<{ delivery_id: string; status_code: number | null; error: string | null }[]>`
      select delivery_id, status_code, error from webhook_attempts where delivery_id = any(${rows.map((r) => r.id)}::uuid[]) order by id`;
    for (const r of rows) {
      const mine = attempts.filter((a) => a.delivery_id === r.id);
      // a 30 s outage at 1..5 s between attempts: several refused connections, then the success
      expect(mine.length).toBeGreaterThanOrEqual(5);
      expect(mine.slice(0, -1).every((a) => a.status_code === null && /connection failed/.test(a.error ?? ''))).toBe(true);
      expect(mine.at(-1)).toMatchObject({ status_code: 204, error: null });
      expect(r.attempts).toBe(mine.length);
    }
  }, 90_000);

  it('a replayed change stream (a new group reading the topics from the start) makes no second delivery', async () => {
    const deliveries = () =>
      sql<{ endpoint_id: string; event_id: string }[]>`${MY_DELIVERIES(endpointIds)} order by endpoint_id, event_id`.then((rows) =>
        rows.map((r) => `${r.endpoint_id} ${r.event_id}`),
      );
    const before = await deliveries();
    const receivedBefore = receivers.reduce((n, r) => n + received(r).length, 0);
    await sender!.stop();
    // retries exhausted fast from here on (the next test)
    await startSender({ retry: { baseMs: 100, maxMs: 200, maxAttempts: 3 } });
    const topics = ['order_events', 'inventory'].map((t) => topicFor(names.topicPrefix, 'public', t));
    await waitFor('the new group read every event', () => groupCaughtUp(config.KAFKA_BROKERS, groups.at(-1)!, topics), 30_000, 250);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await deliveries()).toEqual(before);
    expect(receivers.reduce((n, r) => n + received(r).length, 0)).toBe(receivedBefore);
  }, 60_000);

  it('retries exhausted: dead and on the dead-letter topic; a redelivery then delivers it', async () => {
    const secret = newSecret();
    const failing = await receiver(secret);
    failing.status = 500;
    await failing.listen();
    const endpointId = await endpoint(failing.url, secret, ['order.refunded']);
    const tap = await tapTopics({ brokers: config.KAFKA_BROKERS, topics: [deadLetterTopic(names.topicPrefix)] });
    try {
      const orderId = await newOrder(5_000);
      const eventId = await moveOrder(orderId, 'refunded', 'damaged in transit');
      const [dead] = await waitFor(
        'the delivery dead',
        async () => {
          const rows = await deliveriesOf(endpointId);
          return rows[0]?.status === 'dead' ? rows : null;
        },
        20_000,
      );
      expect(dead).toMatchObject({ event_id: eventId, attempts: 3 });
      expect(received(failing).map((g) => g.id)).toEqual([eventId, eventId, eventId]);
      const letter = await waitFor('the dead letter', async () => tap.messages.find((m) => m.value?.includes(dead!.id)), 10_000);
      expect(JSON.parse(letter.value!)).toMatchObject({
        delivery_id: dead!.id,
        endpoint_id: endpointId,
        event_id: eventId,
        attempts: 3,
        last_status_code: 500,
        last_error: 'HTTP 500',
      });
      expect(JSON.parse(letter.value!).event).toMatchObject({ id: eventId, type: 'order.refunded' });

      // what core's redeliver does
      failing.status = 200;
      await sql.begin(async (tx) => {
        await tx`update webhook_deliveries set status = 'pending', attempts = 0, next_attempt_at = now() where id = ${dead!.id}`;
        await tx`select pg_notify('webhook_due', ${dead!.id})`;
      });
      await waitFor('the redelivery', async () => (await deliveriesOf(endpointId))[0]?.status === 'delivered', 10_000);
      expect(received(failing)).toHaveLength(4);
      expect(failing.got.every((g) => g.signatureValid)).toBe(true);
      const [{ n }] = await sql<[{ n: number }]>`select count(*)::int as n from webhook_attempts where delivery_id = ${dead!.id}`;
      expect(n).toBe(4);
    } finally {
      await tap.stop();
    }
  }, 60_000);
});
