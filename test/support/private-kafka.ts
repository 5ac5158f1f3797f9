import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../config/index.ts';
import { kafkaService } from '../../stack/services/kafka.ts';
import { freePort } from './servers.ts';

// A Kafka broker of a test's own (the stack's service definition, on free ports with its data in
// a temporary folder), for faults that stop the broker: the shared one keeps serving the others.
export type PrivateKafka = { brokers: string; stop(): Promise<void>; start(): Promise<void>; remove(): Promise<void> };

export async function startPrivateKafka(base: Config): Promise<PrivateKafka> {
  const stackDir = mkdtempSync(join(tmpdir(), 'commerce-kafka-'));
  const cfg: Config = { ...base, stackDir, KAFKA_BROKERS: `127.0.0.1:${await freePort()}`, KAFKA_CONTROLLER_PORT: await freePort(), KAFKA_HEAP: '256m' };
  await kafkaService.start(cfg);
  return {
    brokers: cfg.KAFKA_BROKERS,
    start: () => kafkaService.start(cfg),
    async stop() {
      await kafkaService.stop(cfg);
    },
    async remove() {
      await kafkaService.stop(cfg);
      rmSync(stackDir, { recursive: true, force: true });
    },
  };
}
