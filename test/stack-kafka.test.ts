import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { config } from '../config/index.ts';

// Talks to the broker with kafkajs directly: this proves the stack's Kafka, not our wrapper.
const kafka = new Kafka({ clientId: 'stack-test', brokers: config.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
const admin = kafka.admin();
const producer = kafka.producer({ idempotent: true });
const consumer = kafka.consumer({ groupId: `stack-test-${randomUUID()}` });

afterAll(async () => {
  await Promise.allSettled([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
});

describe('the stack Kafka', () => {
  it('creates a partitioned topic and returns 1,000 keyed messages in per-key order', async () => {
    const topic = `stack-test-${randomUUID()}`;
    await admin.connect();
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 4, replicationFactor: 1 }], waitForLeaders: true })).toBe(true);
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(meta.topics[0]!.partitions).toHaveLength(4);

    await producer.connect();
    const keys = Array.from({ length: 10 }, (_, i) => `key-${i}`);
    const messages = Array.from({ length: 1000 }, (_, i) => ({ key: keys[i % keys.length]!, value: String(i) }));
    for (let i = 0; i < messages.length; i += 100) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 100) });

    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Map<string, number[]>();
    const partitionsSeen = new Set<number>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${total} of 1000 messages arrived`)), 45_000);
      void consumer.run({
        eachMessage: async ({ message, partition }) => {
          partitionsSeen.add(partition);
          const key = message.key!.toString();
          received.set(key, [...(received.get(key) ?? []), Number(message.value!.toString())]);
          if (++total === messages.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    expect(total).toBe(1000);
    expect(partitionsSeen.size).toBeGreaterThan(1);
    for (const key of keys) {
      const values = received.get(key)!;
      expect(values).toHaveLength(100);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
    await admin.deleteTopics({ topics: [topic] });
  });
});
