import { topicFor, type Envelope } from '../../openapi/internal/events.ts';
import type { WebhookEvent } from '../../openapi/schemas/webhook-events.ts';
import { retry } from '../backoff.ts';
import { startEventConsumer } from '../consumer/consumer.ts';
import { cdcSql } from '../db.ts';
import { waitUntilVisible } from '../consumer/visibility.ts';
import { createChangeProducer, ensureTopics } from '../kafka.ts';
import { errorFields, type Logger } from '../log.ts';
import { serveMetrics } from '../metrics/server.ts';
import { SCHEMA } from '../tables.ts';
import { enabledEndpoints, insertDeliveries, orderAmounts, queueDepth } from './deliveries.ts';
import { startDispatcher } from './dispatcher.ts';
import { orderEvent, triggerOf, type Trigger } from './events.ts';
import { webhookMetrics } from './metrics.ts';
import type { WebhookSettings } from './settings.ts';

// The webhook sender = the consumer skeleton (consumer/) + a handler that turns order and
// inventory changes into pending deliveries (durable before the skeleton commits the offsets)
// + the dispatcher that sends them. Core's redeliver route wakes it through NOTIFY webhook_due.

export type WebhookSender = { stop(): Promise<void>; wake(): void };

const CONSUMED_TABLES = ['order_events', 'inventory'];

export const deadLetterTopic = (topicPrefix: string): string => `${topicPrefix}.webhooks.dead-letter`;

export async function startWebhookSender(s: WebhookSettings, log: Logger): Promise<WebhookSender> {
  const sql = cdcSql(s.databaseUrl, s.concurrency + 2);
  const metrics = webhookMetrics(() => queueDepth(sql));
  const deadTopic = deadLetterTopic(s.topicPrefix);
  // a busy broker may answer the new topic's metadata with "not hosted" for a moment
  await retry(() => ensureTopics(s.brokers, [deadTopic]), {
    onError: (e, attempt) => log.warn('creating the dead-letter topic failed; retrying', { attempt, ...errorFields(e) }),
  });
  const producer = await createChangeProducer(s.brokers, `${s.groupId}-dead-letter`, log);
  let running = false;

  const dispatcher = startDispatcher({
    sql,
    log,
    metrics,
    retry: s.retry,
    concurrency: s.concurrency,
    requestTimeoutMs: s.requestTimeoutMs,
    production: s.production,
    scope: s.onlyEndpoints,
    deadLetter: (d, last) =>
      producer.send([
        {
          topic: deadTopic,
          key: d.endpoint_id,
          value: JSON.stringify({
            delivery_id: d.id,
            endpoint_id: d.endpoint_id,
            event_id: d.event_id,
            event_type: d.event_type,
            attempts: d.attempts + 1,
            last_status_code: last.statusCode,
            last_error: last.error,
            event: d.payload,
          }),
        },
      ]),
  });
  const listener = await sql.listen('webhook_due', () => dispatcher.wake());

  /** The triggers' webhook events, each with when its change happened; order events need their order's amount. */
  async function eventsOf(triggers: Trigger[], events: Envelope[]): Promise<{ event: WebhookEvent; at: number }[]> {
    const orderIds = [...new Set(triggers.flatMap((t) => (t.kind === 'order' ? [t.change.orderId] : [])))];
    let orders = await orderAmounts(sql, orderIds);
    if (orders.size < orderIds.length) {
      // an order made and paid in one transaction may not be visible yet when its event arrives
      await waitUntilVisible(
        sql,
        events.map((e) => e.source.txId ?? 0),
      );
      orders = await orderAmounts(sql, orderIds);
    }
    return triggers.flatMap((t): { event: WebhookEvent; at: number }[] => {
      if (t.kind === 'stock') return [{ event: t.event, at: t.at }];
      const order = orders.get(t.change.orderId);
      if (!order) log.warn('order of a status change not found; no webhook', { order_id: t.change.orderId, event_id: t.change.id });
      return order ? [{ event: orderEvent(t.change, order), at: t.at }] : [];
    });
  }

  const consumer = await startEventConsumer({
    brokers: s.brokers,
    groupId: s.groupId,
    topics: CONSUMED_TABLES.map((t) => topicFor(s.topicPrefix, SCHEMA, t)),
    fromBeginning: s.fromBeginning,
    sessionTimeoutMs: s.sessionTimeoutMs,
    batchWaitMs: s.batchWaitMs,
    log,
    metrics: metrics.consumer,
    async handle({ events }) {
      const triggers = events.map((e) => triggerOf(e, s.lowStockThreshold)).filter((t): t is Trigger => t !== null);
      if (triggers.length === 0) return;
      const endpoints = await enabledEndpoints(sql, s.onlyEndpoints);
      // an endpoint hears of changes made after it was registered, also when old events are replayed
      const subscribers = (type: string, at: number) => endpoints.filter((e) => e.event_types.includes(type) && e.created_at.getTime() <= at);
      const wanted = triggers.filter((t) => subscribers(t.kind === 'order' ? t.change.type : t.event.type, t.at).length > 0);
      if (wanted.length === 0) return;
      const rows = (await eventsOf(wanted, events)).flatMap(({ event, at }) => subscribers(event.type, at).map((e) => ({ endpointId: e.id, event })));
      const created = await insertDeliveries(sql, rows);
      if (created > 0) {
        metrics.created.inc(created);
        dispatcher.wake();
      }
    },
  });
  running = true;
  log.info('sending webhooks', { group: s.groupId, tables: CONSUMED_TABLES, dead_letter_topic: deadTopic });

  const server = s.metricsPort === null ? null : await serveMetrics(s.metricsPort, metrics.registry, () => ({ ok: running, detail: { group: s.groupId } }));

  return {
    wake: () => dispatcher.wake(),
    async stop() {
      running = false;
      await consumer.stop();
      await dispatcher.stop();
      await listener.unlisten();
      await producer.disconnect();
      server?.close();
      await sql.end({ timeout: 2 });
      log.info('webhook sender stopped');
    },
  };
}
