import { Kafka, logLevel, Partitioners, type Consumer, type ICustomPartitioner, type EachBatchPayload, type Producer } from 'kafkajs';
import type { Logger } from './log.ts';
import { chunkByBytes } from './kafka-chunks.ts';
import { partitionForKey } from './kafka-partition.ts';

// The one module that uses kafkajs: the relay's producer, the indexer's consumer group, and
// the small admin/reader helpers tests and benchmarks need.

export type OutgoingMessage = { topic: string; key: string | null; value: string };
export type IncomingMessage = { topic: string; partition: number; offset: string; key: string | null; value: string | null; timestamp: number };

// kafkajs reports retriable trouble (a broker restarting) as ERROR; whether it is one is our call.
const levelNames: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'warn',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
  [logLevel.NOTHING]: 'debug',
};

function client(brokers: string, clientId: string, log?: Logger): Kafka {
  return new Kafka({
    clientId,
    brokers: brokers.split(',').map((b) => b.trim()),
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 10 },
    logLevel: log ? logLevel.WARN : logLevel.NOTHING,
    logCreator:
      () =>
      ({ namespace, level, log: entry }) => {
        const { message, ...rest } = entry;
        log?.[levelNames[level] ?? 'info'](`kafkajs: ${message}`, { namespace, ...rest });
      },
  });
}

// kafkajs's default rule (the same partitions), with the key hashed by kafka-partition.ts.
const keyPartitioner: ICustomPartitioner = () => {
  const unkeyed = Partitioners.DefaultPartitioner();
  return (args) => {
    const { key } = args.message;
    return typeof key === 'string' && args.message.partition == null ? partitionForKey(key, args.partitionMetadata.length) : unkeyed(args);
  };
};

export type ChangeProducer = { send(messages: OutgoingMessage[]): Promise<void>; disconnect(): Promise<void> };

/**
 * Idempotent producer, acks from all in-sync replicas, one request in flight: messages of one
 * key keep their order even across retries.
 */
export async function createChangeProducer(brokers: string, clientId: string, log?: Logger): Promise<ChangeProducer> {
  const producer: Producer = client(brokers, clientId, log).producer({
    idempotent: true,
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: Number.MAX_SAFE_INTEGER },
    maxInFlightRequests: 1,
    createPartitioner: keyPartitioner,
    allowAutoTopicCreation: true,
  });
  await producer.connect();
  return {
    async send(messages) {
      for (const chunk of chunkByBytes(messages)) {
        const byTopic = new Map<string, { key: string | null; value: string }[]>();
        for (const m of chunk) {
          const list = byTopic.get(m.topic) ?? byTopic.set(m.topic, []).get(m.topic)!;
          list.push({ key: m.key, value: m.value });
        }
        await producer.sendBatch({ acks: -1, timeout: 10_000, topicMessages: [...byTopic].map(([topic, msgs]) => ({ topic, messages: msgs })) });
      }
    },
    disconnect: () => producer.disconnect(),
  };
}

export async function ensureTopics(brokers: string, topics: string[], partitions = 3, configs: Record<string, string> = {}): Promise<void> {
  const admin = client(brokers, 'cdc-admin').admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0)
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: partitions,
          replicationFactor: 1,
          configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
        })),
      });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopicsWithPrefix(brokers: string, prefix: string): Promise<void> {
  const admin = client(brokers, 'cdc-admin').admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** The topics whose names start with the prefix, each with how many messages it holds (tests). */
export async function topicSizes(brokers: string, prefix: string): Promise<{ topic: string; messages: number }[]> {
  const admin = client(brokers, 'cdc-admin').admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    return await Promise.all(
      topics.map(async (topic) => {
        const offsets = await admin.fetchTopicOffsets(topic);
        return { topic, messages: offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0) };
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

export async function deleteGroup(brokers: string, groupId: string): Promise<void> {
  const admin = client(brokers, 'cdc-admin').admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

const BATCH_MIN_BYTES = 256 * 1024;

export type BatchHandler = (batch: {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
  offsetLag: number;
  heartbeat(): Promise<void>;
  isRunning(): boolean;
}) => Promise<void>;

export type ChangeConsumer = { stop(): Promise<void> };

/**
 * A consumer group that hands whole partition batches to `handle` and commits a batch's
 * offsets only after `handle` resolved. A failing batch is retried from its first message.
 */
export async function startChangeConsumer(opts: {
  brokers: string;
  groupId: string;
  topics: string[];
  fromBeginning: boolean;
  sessionTimeoutMs: number;
  batchWaitMs: number;
  log: Logger;
  handle: BatchHandler;
}): Promise<ChangeConsumer> {
  const consumer: Consumer = client(opts.brokers, opts.groupId, opts.log).consumer({
    groupId: opts.groupId,
    // the broker answers once this much has gathered or the wait is over, whichever is first
    minBytes: BATCH_MIN_BYTES,
    maxWaitTimeInMs: opts.batchWaitMs,
    sessionTimeout: opts.sessionTimeoutMs,
    heartbeatInterval: Math.min(3000, Math.floor(opts.sessionTimeoutMs / 3)),
    retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: Number.MAX_SAFE_INTEGER },
  });
  await consumer.connect();
  await consumer.subscribe({ topics: opts.topics, fromBeginning: opts.fromBeginning });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload) => {
      if (!isRunning() || isStale() || batch.messages.length === 0) return;
      const messages: IncomingMessage[] = batch.messages.map((m) => ({
        topic: batch.topic,
        partition: batch.partition,
        offset: m.offset,
        key: m.key ? m.key.toString() : null,
        value: m.value ? m.value.toString() : null,
        timestamp: Number(m.timestamp),
      }));
      await opts.handle({
        topic: batch.topic,
        partition: batch.partition,
        messages,
        offsetLag: Number(batch.offsetLag()),
        heartbeat,
        isRunning: () => isRunning() && !isStale(),
      });
      resolveOffset(batch.lastOffset());
      await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
      await heartbeat();
    },
  });
  return { stop: () => consumer.disconnect() };
}

/** Collects every message of the topics from their start until stopped (tests, benchmarks). */
export async function tapTopics(opts: {
  brokers: string;
  topics: string[];
  onMessage?: (m: IncomingMessage, receivedAt: number) => void;
}): Promise<{ messages: IncomingMessage[]; stop(): Promise<void> }> {
  await ensureTopics(opts.brokers, opts.topics);
  const groupId = `cdc-tap-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const consumer = client(opts.brokers, groupId).consumer({
    groupId,
    maxWaitTimeInMs: 20,
    retry: { initialRetryTime: 200, maxRetryTime: 3000, retries: Number.MAX_SAFE_INTEGER },
  });
  const messages: IncomingMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: opts.topics, fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message: m }) => {
      const msg = { topic, partition, offset: m.offset, key: m.key?.toString() ?? null, value: m.value?.toString() ?? null, timestamp: Number(m.timestamp) };
      messages.push(msg);
      opts.onMessage?.(msg, Date.now());
    },
  });
  await joined;
  return {
    messages,
    async stop() {
      await consumer.disconnect();
      await deleteGroup(opts.brokers, groupId);
    },
  };
}

/** True when the group has committed every partition of the topics up to its high watermark. */
export async function groupCaughtUp(brokers: string, groupId: string, topics: string[]): Promise<boolean> {
  const admin = client(brokers, 'cdc-admin').admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const c = mine.find((p) => p.partition === end.partition);
        if (Number(end.high) > 0 && (!c || Number(c.offset) < Number(end.high))) return false;
      }
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}

/** Produces raw messages (tests replay old envelopes with it). */
export async function produceRaw(brokers: string, messages: OutgoingMessage[]): Promise<void> {
  const p = await createChangeProducer(brokers, 'cdc-raw');
  try {
    await p.send(messages);
  } finally {
    await p.disconnect();
  }
}
