import type { Envelope } from '../../openapi/internal/events.ts';
import { retry } from '../backoff.ts';
import { ensureTopics, startChangeConsumer } from '../kafka.ts';
import { errorFields, type Logger } from '../log.ts';
import { decodeBatch } from './decode.ts';
import type { ConsumerMetrics } from './metrics.ts';

// The skeleton of every change-event consumer (the indexer, a webhook sender): a consumer
// group on the tables' topics hands each partition batch, parsed into envelopes, to `handle`.
// A failing handler is treated as an outage and retried with backoff until it succeeds (or
// the consumer stops); offsets are committed only after it succeeded, so a crash replays
// the batch and handlers must be idempotent. Messages that are not envelopes are counted,
// logged and skipped (see decode.ts).

export type EventBatch = { topic: string; partition: number; events: Envelope[] };
export type EventHandler = (batch: EventBatch) => Promise<void>;
export type EventConsumer = { stop(): Promise<void> };

export async function startEventConsumer(opts: {
  brokers: string;
  groupId: string;
  topics: string[];
  /** Where a group without committed offsets starts: every retained event, or only new ones. */
  fromBeginning: boolean;
  /** A member silent this long is taken out of the group and its partitions go to the others. */
  sessionTimeoutMs: number;
  /** How long a fetch waits at the broker to gather a batch. */
  batchWaitMs: number;
  log: Logger;
  metrics: ConsumerMetrics;
  handle: EventHandler;
}): Promise<EventConsumer> {
  const { log, metrics } = opts;
  await ensureTopics(opts.brokers, opts.topics);
  return startChangeConsumer({
    brokers: opts.brokers,
    groupId: opts.groupId,
    topics: opts.topics,
    fromBeginning: opts.fromBeginning,
    sessionTimeoutMs: opts.sessionTimeoutMs,
    batchWaitMs: opts.batchWaitMs,
    log,
    async handle(batch) {
      const { events, rejected } = decodeBatch(batch.messages);
      for (const r of rejected) {
        metrics.rejected.inc({ topic: batch.topic, kind: r.kind });
        log.error('skipping a message that is not a change event', {
          topic: batch.topic,
          partition: batch.partition,
          offset: r.message.offset,
          reason: r.reason,
        });
      }
      if (events.length > 0) {
        await retry(
          async (attempt) => {
            // a long outage must not cost the group its membership
            if (attempt > 0) await batch.heartbeat().catch(() => undefined);
            await opts.handle({ topic: batch.topic, partition: batch.partition, events });
          },
          {
            onError(e, attempt) {
              metrics.failures.inc();
              log.warn('batch failed; retrying', { topic: batch.topic, partition: batch.partition, attempt, ...errorFields(e) });
            },
            stopped: () => !batch.isRunning(),
          },
        );
      }
      metrics.handled(batch, events, Date.now());
    },
  });
}
