import postgres, { type Sql } from 'postgres';
import type { Duplex } from 'node:stream';
import { topicFor } from '../../openapi/internal/events.ts';
import { backoffDelay, OUTAGE_BACKOFF, retry, sleep } from '../backoff.ts';
import { cdcSql } from '../db.ts';
import { createChangeProducer, ensureTopics, type ChangeProducer } from '../kafka.ts';
import { errorFields, type Logger } from '../log.ts';
import { serveMetrics } from '../metrics/server.ts';
import type { ChangeRecord } from './envelope.ts';
import { createFlusher, type Flusher } from './flusher.ts';
import { formatLsn, parseLsn, type Lsn } from './lsn.ts';
import { decodePgOutput } from './pgoutput.ts';
import { parseFrame, standbyStatus } from './protocol.ts';
import { createAssembler } from './transactions.ts';
import { copyDataFrames } from './frames.ts';
import { emitSnapshot } from './snapshot.ts';
import { relayMetrics } from './metrics.ts';
import { SCHEMA } from '../tables.ts';
import { ensurePublication } from './publication.ts';
import { acquireLeaderLock, type LeaderLock } from './leader-lock.ts';
import { dropSlot, ensureStateTable, markSnapshotCompleted, slotExists, slotLagBytes, snapshotCompleted } from './slot.ts';
import { primaryKeyOf } from './table-shapes.ts';
import type { RelaySettings } from './settings.ts';

// The relay: one persistent pgoutput slot → Kafka, confirming to Postgres only what Kafka
// acknowledged. Sessions (replication connections) are restarted on failure; the slot makes
// every restart resume after the last confirmed transaction. Several relays may run for one
// slot: the one holding its lock (leader-lock.ts) streams, the others stand by.

export type Relay = { stop(): Promise<void>; confirmedLsn(): Lsn; streaming(): boolean; active(): boolean };

const STATUS_INTERVAL_MS = 5000;
const LOCK_POLL_MS = 1000;

const serialize = (r: ChangeRecord) => ({ topic: r.topic, key: r.key, value: JSON.stringify(r.value) });

export async function startRelay(s: RelaySettings, log: Logger): Promise<Relay> {
  const sql = cdcSql(s.databaseUrl, 2);
  const metrics = relayMetrics(() => slotLagBytes(sql, s.slot));
  let producer: ChangeProducer = await createChangeProducer(s.brokers, `relay-${s.slot}`, log);
  let confirmed: Lsn = 0;
  let streaming = false;
  let stopping = false;
  let lock: LeaderLock | null = null;
  let stream: Duplex | null = null;
  let repl: Sql | null = null;

  const sendStatus = (replyRequested = false) => {
    if (stream && !stream.destroyed && confirmed > 0) stream.write(standbyStatus(confirmed, Date.now(), replyRequested));
  };

  const sendRecords = async (records: ChangeRecord[]) => {
    await producer.send(records.map(serialize));
  };

  const flusher: Flusher = createFlusher({
    maxBatchMessages: 5000,
    lingerMs: s.lingerMs,
    send: (txs) => sendRecords(txs.flatMap((t) => t.records)),
    onConfirmed(endLsn, txs, ackedAt) {
      confirmed = Math.max(confirmed, endLsn);
      let n = 0;
      for (const tx of txs) {
        metrics.commitToKafka.observe(Math.max(0, ackedAt - tx.commitTimeUs / 1000) / 1000);
        for (const r of tx.records) metrics.events.inc({ table: r.value.source.table, op: r.value.op });
        n += tx.records.length;
      }
      metrics.countEvents(n);
      metrics.transactions.inc(txs.length);
      metrics.confirmedLsn.set(confirmed);
      metrics.pending.set(flusher.pendingMessages());
      sendStatus();
    },
    onSendError(e, attempt) {
      metrics.sendErrors.inc();
      log.warn('kafka send failed; retrying', { attempt, ...errorFields(e) });
      if (attempt > 0 && attempt % 5 === 0) {
        // A long outage can leave the producer unusable; start a fresh one (duplicates are allowed).
        const old = producer;
        void old.disconnect().catch(() => undefined);
        void createChangeProducer(s.brokers, `relay-${s.slot}`, log).then(
          (p) => (producer = p),
          () => undefined,
        );
      }
    },
  });

  await ensureStateTable(sql);
  const tables = await ensurePublication(sql, s.publication);
  await ensureTopics(
    s.brokers,
    tables.map((t) => topicFor(s.topicPrefix, SCHEMA, t)),
  );
  log.info('publication ready', { publication: s.publication, tables });

  const primaryKeys = new Map<number, string[]>();

  // Commerce tables created after the start (a migration landing) join the publication.
  let published = tables;
  const publicationTimer = setInterval(() => {
    ensurePublication(sql, s.publication)
      .then(async (now) => {
        const added = now.filter((t) => !published.includes(t));
        if (added.length === 0) return;
        await ensureTopics(
          s.brokers,
          added.map((t) => topicFor(s.topicPrefix, SCHEMA, t)),
        );
        published = now;
        log.info('tables added to the publication', { added });
      })
      .catch((e) => log.warn('publication refresh failed', errorFields(e)));
  }, 30_000);

  async function session(): Promise<void> {
    repl = postgres(s.databaseUrl, {
      max: 1,
      fetch_types: false,
      idle_timeout: null as unknown as undefined,
      max_lifetime: null,
      onnotice: () => {},
      connection: { replication: 'database' } as Record<string, string>,
    });
    const needsSnapshot = !(await slotExists(sql, s.slot)) || !(await snapshotCompleted(sql, s.slot));
    let startLsn = '0/0';
    if (needsSnapshot) {
      if (await slotExists(sql, s.slot)) {
        log.warn('slot exists without a completed snapshot; recreating it', { slot: s.slot });
        await dropSlot(sql, s.slot);
      }
      const [created] = await repl.unsafe<{ consistent_point: string; snapshot_name: string }[]>(
        `CREATE_REPLICATION_SLOT ${s.slot} LOGICAL pgoutput ${s.initialSnapshot ? 'EXPORT_SNAPSHOT' : 'NOEXPORT_SNAPSHOT'}`,
      );
      const consistentPoint = parseLsn(created!.consistent_point);
      log.info('slot created', { slot: s.slot, consistent_point: created!.consistent_point, snapshot: s.initialSnapshot });
      const started = Date.now();
      const tablesNow = await ensurePublication(sql, s.publication);
      const counts = !s.initialSnapshot
        ? {}
        : await emitSnapshot({
            sql,
            snapshotName: created!.snapshot_name,
            consistentPoint,
            tables: tablesNow,
            publication: s.publication,
            topicPrefix: s.topicPrefix,
            db: s.db,
            chunkSize: 1000,
            emit: async (records) => {
              await retry(() => sendRecords(records), {
                onError: (e, attempt) => log.warn('kafka send failed during snapshot; retrying', { attempt, ...errorFields(e) }),
                stopped: () => stopping,
              });
              metrics.events.inc({ table: records[0]!.value.source.table, op: 'r' }, records.length);
              metrics.countEvents(records.length);
            },
          });
      await markSnapshotCompleted(sql, s.slot, created!.consistent_point);
      confirmed = Math.max(confirmed, consistentPoint);
      startLsn = created!.consistent_point;
      log.info('snapshot completed', { counts, ms: Date.now() - started });
    }
    const assembler = createAssembler({ topicPrefix: s.topicPrefix, db: s.db, primaryKeyOf: (rel) => primaryKeys.get(rel.oid) });
    stream = (await repl
      .unsafe(`START_REPLICATION SLOT ${s.slot} LOGICAL ${startLsn} (proto_version '1', publication_names '${s.publication}')`)
      .writable()) as unknown as Duplex;
    streaming = true;
    log.info('streaming', { slot: s.slot, from: startLsn });
    const timer = setInterval(() => sendStatus(), STATUS_INTERVAL_MS);
    let inTx = false;
    try {
      for await (const chunk of copyDataFrames(stream)) {
        if (stopping) break;
        const frame = parseFrame(chunk);
        if (!frame) continue;
        if (frame.kind === 'keepalive') {
          // Nothing open or unacknowledged: everything the server sent up to walEnd is handled.
          if (!inTx && flusher.idle() && frame.walEnd > confirmed) {
            confirmed = frame.walEnd;
            metrics.confirmedLsn.set(confirmed);
          }
          if (frame.replyRequested) sendStatus();
          continue;
        }
        const msg = decodePgOutput(frame.payload);
        if (msg.tag === 'relation' && !primaryKeys.has(msg.relation.oid)) primaryKeys.set(msg.relation.oid, await primaryKeyOf(sql, msg.relation.oid));
        if (msg.tag === 'begin') inTx = true;
        const tx = assembler.push(msg, frame.walStart, Date.now());
        if (tx) {
          inTx = false;
          flusher.enqueue(tx);
          metrics.pending.set(flusher.pendingMessages());
          if (flusher.pendingMessages() >= s.maxPendingMessages) await flusher.below(s.maxPendingMessages / 2);
        }
      }
    } finally {
      clearInterval(timer);
      streaming = false;
    }
  }

  const server =
    s.metricsPort === null
      ? null
      : await serveMetrics(s.metricsPort, metrics.registry, () => ({
          // a standby waiting for the lock is healthy too
          ok: streaming || lock === null,
          detail: { slot: s.slot, role: lock ? 'active' : 'standby', confirmed_lsn: formatLsn(confirmed) },
        }));

  /** Streams, restarting sessions on failure, until the relay stops or loses its lock. */
  async function sessions(held: LeaderLock): Promise<void> {
    let lost = false;
    void held.lost.then(() => {
      lost = true;
      if (stopping) return;
      log.error('lost the relay lock; ending the stream and standing by', { slot: s.slot });
      void closeReplication();
    });
    for (let attempt = 0; !stopping && !lost; attempt++) {
      try {
        await session();
        if (!stopping && !lost) log.warn('replication stream ended; reconnecting');
      } catch (e) {
        if (!stopping && !lost) log.error('replication session failed; reconnecting', errorFields(e));
      }
      // Whatever Kafka still owes is confirmed before the next session starts streaming again.
      await flusher.drained().catch(() => undefined);
      sendStatus();
      await closeReplication();
      // the first retry comes soon: after a takeover the slot stays busy until the dead relay's walsender notices
      if (!stopping && !lost) await sleep(backoffDelay(attempt, OUTAGE_BACKOFF));
    }
  }

  const loop = (async () => {
    metrics.active.set(0);
    while (!stopping) {
      const held = await acquireLeaderLock(s.databaseUrl, s.slot, {
        pollMs: LOCK_POLL_MS,
        stopped: () => stopping,
        onWaiting: () => log.info('standby: waiting for lock', { slot: s.slot }),
        onError: (e) => log.warn('relay lock unavailable; retrying', errorFields(e)),
      });
      if (!held) break;
      lock = held;
      metrics.active.set(1);
      log.info('active', { slot: s.slot });
      await sessions(held);
      metrics.active.set(0);
      lock = null;
      await held.release();
    }
  })();

  async function closeReplication() {
    const st = stream;
    stream = null;
    if (st && !st.destroyed)
      await new Promise<void>((r) => {
        st.once('close', () => r());
        st.end();
        setTimeout(r, 2000);
      });
    const r = repl;
    repl = null;
    await r?.end({ timeout: 2 }).catch(() => undefined);
  }

  return {
    confirmedLsn: () => confirmed,
    streaming: () => streaming,
    active: () => lock !== null,
    async stop() {
      stopping = true;
      clearInterval(publicationTimer);
      // Flush what Kafka still owes, confirm it, then close the stream (which ends the session loop).
      await Promise.race([flusher.drained().catch(() => undefined), sleep(15_000)]);
      sendStatus();
      await closeReplication();
      await loop;
      flusher.close();
      await producer.disconnect().catch(() => undefined);
      server?.close();
      await sql.end({ timeout: 2 });
      log.info('relay stopped', { confirmed_lsn: formatLsn(confirmed) });
    },
  };
}
