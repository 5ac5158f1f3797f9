import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../config/index.ts';
import type { Relay } from '../cdc/relay/relay.ts';
import { tapTopics, topicSizes, type IncomingMessage } from '../cdc/kafka.ts';
import { topicFor } from '../openapi/internal/events.ts';
import { ADDRESS, key, makeProduct, makeUsers, pay, startCore, type Core, type TestUser } from './core-harness.ts';
import { startTestRelay, teardown, uniqueNames, waitFor } from './cdc-harness.ts';

// Kafka carries no shipping address, phone or payment token: an order placed before the relay's
// snapshot and one placed while it streams, both with a distinctive address and phone, paid with
// a distinctive token, and then every topic of the pipeline read from its beginning.
const names = uniqueNames('redact');
const mark = randomBytes(4).toString('hex');
const secrets = {
  name: `Redact Person ${mark}`,
  street: `${mark} Hidden Lane`,
  phone: `+9198${String(Number.parseInt(mark, 16)).padStart(10, '0').slice(0, 8)}`,
  token: `tok_redact_${mark}`,
};
const address = { ...ADDRESS, name: secrets.name, line1: secrets.street, phone: secrets.phone };

let core: Core;
let relay: Relay | null = null;
let user: TestUser;

async function placeOrder(): Promise<string> {
  const product = await makeProduct(core.sql, 5, 49_900, 'redact');
  const add = await core.call('POST', '/cart/add_products', { token: user.token, body: { items: [{ product_id: product, quantity: 1 }] } });
  expect(add.status).toBe(200);
  const checkout = await core.call('POST', '/checkout', { token: user.token, body: { shipping_address: address }, headers: { 'idempotency-key': key() } });
  expect(checkout.status).toBe(201);
  return checkout.body.order_id as string;
}

const parsed = (m: IncomingMessage) =>
  JSON.parse(m.value ?? 'null') as { op: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

beforeAll(async () => {
  core = await startCore();
  [user] = (await makeUsers(core.sql, 1)) as [TestUser];
});

afterAll(async () => {
  await relay?.stop();
  await teardown(names);
  await core.stop();
});

describe('CDC redaction', () => {
  it('no topic holds the shipping address, phone or payment token; orders and payments events carry neither column', async () => {
    const snapshotted = await placeOrder();
    relay = await startTestRelay(names);
    await waitFor('relay streaming after its snapshot', async () => relay!.streaming(), 120_000, 200);

    const streamed = await placeOrder();
    expect((await pay(core.call, user, snapshotted, secrets.token)).status).toBe(402);
    expect((await pay(core.call, user, streamed, 'tok_success')).status).toBe(200);

    const orders = topicFor(names.topicPrefix, 'public', 'orders');
    const payments = topicFor(names.topicPrefix, 'public', 'payments');
    const tap = await tapTopics({ brokers: config.KAFKA_BROKERS, topics: [orders, payments] });
    try {
      const forOrder = (topic: string, id: string, field: string) =>
        tap.messages
          .filter((m) => m.topic === topic)
          .map(parsed)
          .filter((e) => e.after?.[field] === id);
      await waitFor(
        'the snapshot row, the streamed order, its payment to paid and the declined payment in Kafka',
        async () =>
          forOrder(orders, snapshotted, 'id').some((e) => e.op === 'r') &&
          forOrder(orders, streamed, 'id').some((e) => e.op === 'u' && e.after?.status === 'paid') &&
          forOrder(payments, snapshotted, 'order_id').length > 0,
        60_000,
        200,
      );
      for (const e of [...forOrder(orders, snapshotted, 'id'), ...forOrder(orders, streamed, 'id')]) {
        expect(Object.keys(e.after!)).not.toContain('shipping_address');
        expect(e.after).toMatchObject({ status: expect.any(String), total_amount: 49_900 });
      }
      for (const e of forOrder(payments, snapshotted, 'order_id')) expect(Object.keys(e.after!)).not.toContain('token');
    } finally {
      await tap.stop();
    }

    const topics = await topicSizes(config.KAFKA_BROKERS, `${names.topicPrefix}.`);
    expect(topics.map((t) => t.topic)).toEqual(expect.arrayContaining([orders, payments]));
    const total = topics.reduce((n, t) => n + t.messages, 0);
    const everything = await tapTopics({ brokers: config.KAFKA_BROKERS, topics: topics.map((t) => t.topic) });
    try {
      await waitFor(`all ${total} messages of ${topics.length} topics read`, async () => everything.messages.length >= total, 120_000, 250);
      const leaks = everything.messages.filter((m) => Object.values(secrets).some((s) => m.value?.includes(s) || m.key?.includes(s)));
      expect(leaks.map((m) => `${m.topic}@${m.offset}`)).toEqual([]);
    } finally {
      await everything.stop();
    }
  }, 300_000);
});
