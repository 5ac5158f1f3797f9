import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import { config } from '../config/index.ts';
import { hostPort } from '../config/schema.ts';
import { kafkaService } from '../stack/services/kafka.ts';
import { tapTopics, type IncomingMessage } from '../cdc/kafka.ts';
import type { Relay } from '../cdc/relay/relay.ts';
import type { Indexer } from '../cdc/indexer/indexer.ts';
import type { SearchClient } from '../cdc/search/client.ts';
import {
  deleteProducts,
  insertProducts,
  productTopics,
  startTestIndexer,
  startTestRelay,
  teardown,
  testEs,
  testSql,
  uniqueNames,
  updatedPricesSeen,
  waitFor,
  waitForConvergence,
} from './cdc-harness.ts';

// Elasticsearch unreachable for 10 s (through a TCP proxy of our own — the shared ES keeps
// running) and Kafka restarted mid-stream: nothing is lost and the index converges afterwards.
const names = uniqueNames('fault');
const prefix = `cdcfault-${names.slot.slice(-6)}`;
let sql: Sql;
let es: SearchClient;
let relay: Relay;
let indexer: Indexer;
let tap: { messages: IncomingMessage[]; stop(): Promise<void> };
let proxy: { url: string; pause(): void; resume(): void; close(): Promise<void> };

/** A TCP proxy to Elasticsearch that can drop every connection and refuse new ones. */
async function startProxy(target: string): Promise<typeof proxy> {
  const { host, port } = hostPort(target);
  const sockets = new Set<Socket>();
  let paused = false;
  const server: Server = createServer((client) => {
    if (paused) return void client.destroy();
    const upstream = connect({ host, port });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    pause() {
      paused = true;
      for (const s of sockets) s.destroy();
    },
    resume() {
      paused = false;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

beforeAll(async () => {
  sql = testSql();
  es = testEs();
  proxy = await startProxy(config.ELASTICSEARCH_URL);
  relay = await startTestRelay(names, { initialSnapshot: false });
  indexer = await startTestIndexer(names, { elasticsearchUrl: proxy.url });
  tap = await tapTopics({ brokers: config.KAFKA_BROKERS, topics: productTopics(names).slice(0, 1) });
});

afterAll(async () => {
  if (!(await kafkaService.healthy(config))) await kafkaService.start(config);
  await tap?.stop();
  await indexer?.stop();
  await relay?.stop();
  await proxy?.close();
  await deleteProducts(sql, prefix);
  await teardown(names);
  await sql.end();
  await es.close();
});

describe('CDC under faults', () => {
  it('loses nothing while Elasticsearch is unreachable for 10 s and while Kafka restarts, then converges', async () => {
    const ids = await insertProducts(sql, prefix, 100);
    const committed: number[] = [];
    let writing = true;
    const writer = (async () => {
      for (let seq = 1; writing; seq++) {
        await sql`update products set price_amount = ${seq}, title = ${`Fault test ${seq}`} where id = ${ids[seq % ids.length]!}`;
        committed.push(seq);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    await pause(1000);
    proxy.pause();
    await pause(10_000);
    proxy.resume();
    expect(await indexer.failedBatches()).toBeGreaterThan(0); // the outage was real and retried
    await pause(2000);

    await kafkaService.stop(config);
    await pause(2000);
    await kafkaService.start(config);
    await pause(2000);

    writing = false;
    await writer;
    expect(committed.length).toBeGreaterThan(500);

    const seen = () => updatedPricesSeen(tap.messages, prefix);
    await waitFor(
      'every committed update in Kafka',
      async () => {
        const s = seen();
        return committed.every((seq) => s.has(seq));
      },
      60_000,
      500,
    );
    await waitForConvergence(sql, es, names, ids, 60_000);
  }, 240_000);
});
