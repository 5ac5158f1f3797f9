import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import type { Relay } from '../cdc/relay/relay.ts';
import type { SearchClient } from '../cdc/search/client.ts';
import { deleteProducts, insertProducts, startTestRelay, teardown, testEs, testSql, uniqueNames, waitFor, waitForConvergence } from './cdc-harness.ts';
import { freePort, startEntry, type RunningProcess } from './support/servers.ts';

// Two indexers in one consumer group (the topics have 3 partitions, so both work). One is killed
// -9 in the middle of 2,000 committed updates; the group rebalances, the other takes over its
// partitions from their last committed offsets, and the index converges to Postgres.
const names = uniqueNames('findex');
const prefix = `findex-${names.slot.slice(-6)}`;
const PRODUCTS = 200;
let sql: Sql;
let es: SearchClient;
let relay: Relay;
const indexers: RunningProcess[] = [];

/** Change events an indexer handled, all tables. */
const handled = async (r: RunningProcess) =>
  [...(await (await fetch(`${r.url}/metrics`)).text()).matchAll(/^cdc_indexer_events_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);

async function startIndexer(n: number): Promise<RunningProcess> {
  const port = await freePort();
  return startEntry(
    'cdc/indexer/main.ts',
    {
      CDC_INDEXER_GROUP: names.groupId,
      CDC_TOPIC_PREFIX: names.topicPrefix,
      SEARCH_INDEX_PREFIX: names.indexPrefix,
      INDEXER_METRICS_PORT: String(port),
      // the survivor takes the victim's partitions after this much silence
      CDC_CONSUMER_SESSION_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'info',
    },
    `http://127.0.0.1:${port}/health`,
    `indexer-${n}`,
  );
}

beforeAll(async () => {
  sql = testSql();
  es = testEs();
  await insertProducts(sql, prefix, PRODUCTS);
  relay = await startTestRelay(names);
  await waitFor('relay streaming after its snapshot', async () => relay.streaming(), 120_000, 200);
  // Both join the group together: one rebalance, where a second joiner waits out the first's.
  indexers.push(...(await Promise.all([startIndexer(1), startIndexer(2)])));
  await waitForConvergence(sql, es, names, undefined, 240_000);
}, 400_000);

afterAll(async () => {
  for (const i of indexers) await i.stop();
  await relay?.stop();
  await deleteProducts(sql, prefix);
  await teardown(names);
  await sql.end();
  await es.close();
});

describe('two indexers in one consumer group', () => {
  it('carries on when one is killed -9 mid-stream, and the index converges to Postgres', async () => {
    const [victim, survivor] = indexers as [RunningProcess, RunningProcess];
    const ids = Array.from({ length: PRODUCTS }, (_, i) => `${prefix}-${i}`);
    let next = 1;
    let killed = false;
    const writer = async () => {
      for (;;) {
        const seq = next++;
        if (seq > 2000) return;
        await sql`update products set price_amount = ${seq} where id = ${ids[seq % ids.length]!}`;
        if (seq === 700) {
          await victim.kill();
          killed = true;
        }
      }
    };
    const before = await handled(survivor);
    await Promise.all([writer(), writer(), writer(), writer()]);
    expect(killed).toBe(true);
    const started = performance.now();
    await waitForConvergence(sql, es, names, ids, 120_000);
    console.log(`index equal to Postgres ${Math.round(performance.now() - started)} ms after the last update, with one indexer left`);
    await waitForConvergence(sql, es, names, undefined, 120_000);
    expect(await handled(survivor)).toBeGreaterThan(before);
  }, 300_000);
});
