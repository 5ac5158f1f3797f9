import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, repoRoot } from '../config/index.ts';
import { tapTopics, type IncomingMessage } from '../cdc/kafka.ts';
import type { Envelope } from '../openapi/internal/events.ts';
import { deleteProducts, insertProducts, productTopics, relayStreaming, teardown, testSql, uniqueNames, waitFor } from './cdc-harness.ts';
import { freePort } from './support/servers.ts';
import { serviceLog } from './support/test-logs.ts';

// kill -9 of the relay in the middle of its initial snapshot (the whole catalog, tens of
// thousands of rows): the slot has no completed-snapshot mark, so the restarted relay recreates
// it and snapshots again; that second snapshot carries every product and inventory row, and the
// relay then streams.
const names = uniqueNames('snapcrash');
const prefix = `cdcsnapcrash-${names.slot.slice(-6)}`;
// free when taken; a random pick could land on a port in use (the ephemeral range starts at 32768)
const metricsPort = await freePort();
let sql: Sql;
let tap: { messages: IncomingMessage[]; stop(): Promise<void> };
let relay: ChildProcess | null = null;

function spawnRelay(): ChildProcess {
  const { fd } = serviceLog('relay');
  return spawn(process.execPath, [join(repoRoot, 'cdc/relay/main.ts')], {
    cwd: repoRoot,
    stdio: ['ignore', fd, fd],
    env: {
      CDC_SLOT: names.slot,
      CDC_PUBLICATION: names.publication,
      CDC_TOPIC_PREFIX: names.topicPrefix,
      RELAY_METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: config.KAFKA_BROKERS,
      POSTGRES_HOST: config.POSTGRES_HOST,
      POSTGRES_PORT: String(config.POSTGRES_PORT),
      POSTGRES_USER: config.POSTGRES_USER,
      POSTGRES_PASSWORD: config.POSTGRES_PASSWORD,
      POSTGRES_DB: config.POSTGRES_DB,
    },
  });
}

const relayIsStreaming = () => relayStreaming(metricsPort);
const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));
const snapshotReads = (topic: string) =>
  tap.messages
    .filter((m) => m.topic === topic && m.value)
    .map((m) => JSON.parse(m.value!) as Envelope)
    .filter((e) => e.op === 'r');
const productIds = async () => new Set((await sql<{ id: string }[]>`select id from products`).map((r) => r.id));

beforeAll(async () => {
  sql = testSql();
  tap = await tapTopics({ brokers: config.KAFKA_BROKERS, topics: productTopics(names) });
});

afterAll(async () => {
  if (relay && relay.exitCode === null) relay.kill('SIGKILL');
  await tap?.stop();
  await deleteProducts(sql, prefix);
  await teardown(names);
  await sql.end();
});

describe('relay killed during its initial snapshot', () => {
  it('snapshots again after a restart: every product and inventory row reaches Kafka, then it streams', async () => {
    const [productsTopic, inventoryTopic] = productTopics(names) as [string, string];
    const before = await productIds();
    relay = spawnRelay();
    await waitFor('the snapshot under way', async () => snapshotReads(productsTopic).length >= 1000, 60_000, 20);
    relay.kill('SIGKILL');
    await exited(relay);
    const readBeforeKill = new Set(snapshotReads(productsTopic).map((e) => e.after!.id as string));
    expect(readBeforeKill.size).toBeLessThan(before.size);
    const [marked] = await sql`select 1 from cdc_relay_state where slot = ${names.slot}`;
    expect(marked).toBeUndefined();

    relay = spawnRelay();
    await waitFor('the restarted relay streaming after its snapshot', relayIsStreaming, 180_000, 250);
    const after = await productIds();
    const stable = [...before].filter((id) => after.has(id));

    // The restarted relay's snapshot: the reads with the newest consistent point.
    const latest = (topic: string, idOf: (e: Envelope) => string) => {
      const reads = snapshotReads(topic);
      const lsn = Math.max(...reads.map((e) => Number(e.source.lsn)));
      return new Set(reads.filter((e) => Number(e.source.lsn) === lsn).map(idOf));
    };
    const products = latest(productsTopic, (e) => e.after!.id as string);
    const inventory = latest(inventoryTopic, (e) => e.after!.product_id as string);
    expect(stable.filter((id) => !products.has(id))).toEqual([]);
    expect(stable.filter((id) => !inventory.has(id))).toEqual([]);

    const [added] = await insertProducts(sql, prefix, 1);
    await waitFor(
      'a row inserted after the snapshot, streamed',
      async () => tap.messages.some((m) => m.topic === productsTopic && m.value !== null && (JSON.parse(m.value) as Envelope).after?.id === added),
      30_000,
      200,
    );

    relay.kill('SIGTERM');
    expect(await exited(relay)).toBe(0);
    relay = null;
  }, 360_000);
});
