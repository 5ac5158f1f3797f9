import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import { config } from '../config/index.ts';
import { hostPort } from '../config/schema.ts';
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
import { startPrivateKafka, type PrivateKafka } from './support/private-kafka.ts';

// Elasticsearch unreachable for 10 s (through a TCP proxy of our own — the shared ES keeps
// running) and Kafka restarted mid-stream: nothing is lost and the index converges afterwards.
// The restarted broker is this file's own (support/private-kafka.ts), not the shared one: a real
// stop and start, so the relay and the indexer meet what a broker restart does (connections
// refused, then a broker that reloads its logs and group coordinator), which a proxy dropping
// sockets in front of a broker that keeps its state would not show.
const names = uniqueNames('fault');
const prefix = `cdcfault-${names.slot.slice(-6)}`;
let sql: Sql;
let es: SearchClient;
let relay: Relay;
let indexer: Indexer;
let tap: { messages: IncomingMessage[]; stop(): Promise<void> };
let proxy: { url: string; pause(): void; resume(): void; close(): Promise<void> };
let kafka: PrivateKafka;

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
  kafka = await startPrivateKafka(config);
  proxy = await startProxy(config.ELASTICSEARCH_URL);
  relay = await startTestRelay(names, { initialSnapshot: false, brokers: kafka.brokers });
  indexer = await startTestIndexer(names, { elasticsearchUrl: proxy.url, brokers: kafka.brokers });
  tap = await tapTopics({ brokers: kafka.brokers, topics: productTopics(names).slice(0, 1) });
}, 180_000);

afterAll(async () => {
  await kafka?.start();
  await tap?.stop();
  await indexer?.stop();
  await relay?.stop();
  await proxy?.close();
  await deleteProducts(sql, prefix);
  await teardown(names, kafka?.brokers);
  await kafka?.remove();
  await sql.end();
  await es.close();
}, 120_000);

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

    await kafka.stop();
    await pause(2000);
    await kafka.start();
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
    await waitForConvergence(sql, es, names, ids, 60_000, kafka.brokers);
  }, 240_000);
});
