import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import { config, repoRoot } from '../config/index.ts';
import { tapTopics, type IncomingMessage } from '../cdc/kafka.ts';
import type { Indexer } from '../cdc/indexer/indexer.ts';
import type { SearchClient } from '../cdc/search/client.ts';
import {
  deleteProducts,
  insertProducts,
  productTopics,
  relayStreaming,
  startTestIndexer,
  teardown,
  testEs,
  testSql,
  uniqueNames,
  updatedPricesSeen,
  waitFor,
  waitForConvergence,
} from './cdc-harness.ts';
import { freePort } from './support/servers.ts';
import { serviceLog } from './support/test-logs.ts';

// kill -9 of the relay in the middle of 5,000 committed updates: after a restart every
// committed change is in Kafka at least once and the index (built from the slot's initial
// snapshot of the whole catalog plus the changes) equals Postgres for every product.
const names = uniqueNames('crash');
const prefix = `cdccrash-${names.slot.slice(-6)}`;
// free when taken; a random pick could land on a port in use (the ephemeral range starts at 32768)
const metricsPort = await freePort();
let sql: Sql;
let es: SearchClient;
let indexer: Indexer;
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

beforeAll(async () => {
  sql = testSql();
  es = testEs();
  await insertProducts(sql, prefix, 250);
  tap = await tapTopics({ brokers: config.KAFKA_BROKERS, topics: productTopics(names).slice(0, 1) });
  relay = spawnRelay();
  await waitFor('relay streaming after its snapshot', relayIsStreaming, 60_000, 200);
  indexer = await startTestIndexer(names);
});

afterAll(async () => {
  if (relay && relay.exitCode === null) relay.kill('SIGKILL');
  await tap?.stop();
  await indexer?.stop();
  await deleteProducts(sql, prefix);
  await teardown(names);
  await sql.end();
  await es.close();
});

describe('relay crash safety', () => {
  it('loses nothing when the relay is killed -9 mid-stream, and the index converges to Postgres for every product', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `${prefix}-${i}`);
    const committed: number[] = [];
    let next = 1;
    let killedAt = 0;
    const writer = async () => {
      for (;;) {
        const seq = next++;
        if (seq > 5000) return;
        await sql`update products set price_amount = ${seq} where id = ${ids[seq % ids.length]!}`;
        committed.push(seq);
        if (committed.length === 2000 && relay) {
          killedAt = committed.length;
          relay.kill('SIGKILL');
          await exited(relay);
          relay = spawnRelay();
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    expect(killedAt).toBe(2000);
    expect(committed).toHaveLength(5000);
    await waitFor('restarted relay streaming', relayIsStreaming, 30_000, 200);

    const seen = () => updatedPricesSeen(tap.messages, prefix);
    await waitFor(
      'every committed update in Kafka',
      async () => {
        const s = seen();
        return committed.every((seq) => s.has(seq));
      },
      60_000,
      500,
    ).catch((e) => {
      const s = seen();
      const missing = committed.filter((seq) => !s.has(seq));
      throw new Error(`${(e as Error).message}: ${missing.length} missing, e.g. ${missing.slice(0, 10).join(',')}`);
    });

    await waitForConvergence(sql, es, names, undefined, 120_000);

    // Graceful stop: flush, confirm, exit 0.
    relay!.kill('SIGTERM');
    expect(await exited(relay!)).toBe(0);
    relay = null;
  }, 300_000);
});
