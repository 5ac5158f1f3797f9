import { randomBytes } from 'node:crypto';
import { groupCaughtUp } from '../cdc/kafka.ts';
import { pipelineEndpoints, removePipeline } from '../cdc/teardown.ts';
import { config } from '../config/index.ts';
import { topicFor } from '../openapi/internal/events.ts';
import { freePort } from '../test/support/servers.ts';
import { startEntry, type BenchProcess } from './processes.ts';

// The relay and the indexer as the deployed system runs them (their own processes, on the
// bench database), under names of this run: a fresh slot, publication, topics, consumer group and
// index prefix, all removed at the end so no slot is left retaining WAL. pause() stops both with
// SIGSTOP (the slot and Kafka keep what they would have done) to measure the same load without them.
export type CdcWorkers = { indexPrefix: string; pids: { relay: number; indexer: number }; pause(): void; resume(): void; stop(): Promise<void> };

const INDEXED = ['products', 'inventory', 'reviews'];

export async function startCdcWorkers(tagPrefix: string): Promise<CdcWorkers> {
  const tag = `${tagPrefix}${randomBytes(3).toString('hex')}`;
  const names = { slot: `${tag}_slot`, publication: `${tag}_pub`, topicPrefix: tag, groupId: `${tag}-indexer`, indexPrefix: tag };
  const [relayPort, indexerPort] = [await freePort(), await freePort()];
  const common = { CDC_TOPIC_PREFIX: names.topicPrefix, LOG_LEVEL: 'warn' };
  const workers: BenchProcess[] = [];
  const signal = (s: NodeJS.Signals) => {
    for (const w of workers) process.kill(w.pid, s);
  };
  const remove = async () => {
    await removePipeline({ ...pipelineEndpoints(config), ...names });
  };
  try {
    workers.push(
      await startEntry(
        'relay',
        'cdc/relay/main.ts',
        { ...common, CDC_SLOT: names.slot, CDC_PUBLICATION: names.publication, RELAY_METRICS_PORT: String(relayPort) },
        `http://127.0.0.1:${relayPort}/health`,
      ),
    );
    workers.push(
      await startEntry(
        'indexer',
        'cdc/indexer/main.ts',
        { ...common, CDC_INDEXER_GROUP: names.groupId, SEARCH_INDEX_PREFIX: names.indexPrefix, INDEXER_METRICS_PORT: String(indexerPort) },
        `http://127.0.0.1:${indexerPort}/health`,
      ),
    );
    // The relay's initial snapshot of the bench database is indexed before anything is measured.
    const topics = INDEXED.map((t) => topicFor(names.topicPrefix, 'public', t));
    const until = Date.now() + 600_000;
    while (!(await groupCaughtUp(config.KAFKA_BROKERS, names.groupId, topics).catch(() => false))) {
      if (Date.now() > until) throw new Error('the indexer did not catch up with the snapshot within 10 min');
      await new Promise((r) => setTimeout(r, 500));
    }
    await settleIndices(names.indexPrefix);
  } catch (e) {
    await Promise.all(workers.map((w) => w.stop()));
    await remove();
    throw e;
  }
  return {
    indexPrefix: names.indexPrefix,
    pids: { relay: workers[0]!.pid, indexer: workers[1]!.pid },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    async stop() {
      signal('SIGCONT');
      await Promise.all(workers.map((w) => w.stop()));
      await remove();
    },
  };
}

// After the snapshot's bulk load Elasticsearch goes on merging segments for half a minute at
// most of both cores; measured then, checkout would pay for the snapshot. Merging them down now
// (it returns when done) leaves the measurement only the load's own indexing.
async function settleIndices(indexPrefix: string): Promise<void> {
  const res = await fetch(`${config.ELASTICSEARCH_URL}/${indexPrefix}-*/_forcemerge?max_num_segments=1`, {
    method: 'POST',
    signal: AbortSignal.timeout(300_000),
  });
  if (!res.ok) throw new Error(`force merge of ${indexPrefix}* answered ${res.status}: ${await res.text()}`);
}
