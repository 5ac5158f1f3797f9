import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { cdcSql } from '../cdc/db.ts';
import { ensureTopics, tapTopics } from '../cdc/kafka.ts';
import { createLogger } from '../cdc/log.ts';
import { startRelay } from '../cdc/relay/relay.ts';
import { relaySettings } from '../cdc/relay/settings.ts';
import { pipelineEndpoints, removePipeline } from '../cdc/teardown.ts';
import { PUBLISHED_TABLES } from '../cdc/tables.ts';
import { config } from '../config/index.ts';
import { topicFor, type Envelope } from '../openapi/internal/events.ts';
import { freePort } from '../test/support/servers.ts';
import { assertBenchSettings } from './isolation.ts';
import { startEntry, type BenchProcess } from './processes.ts';
import { writeBenchResult } from './results.ts';

// npm run bench:webhooks — the relay and the webhook sender in their own processes (as
// deployed) on this run's slot, topics and group; one endpoint on a loopback receiver; orders
// moved to paid at 100 order events/s for 20 s. Latency = the receiver's arrival time − the
// order_events row's `at` (set in the paying transaction). Ceiling, same run: the same events'
// commit → Kafka append (the broker's LogAppendTime), which no consumer of Kafka can beat.
const RATE = 100;
const SECONDS = 20;
const WARMUP = 10;
const GOAL_P99_MS = 1000;

assertBenchSettings(config);
const tag = randomBytes(3).toString('hex');
const names = { slot: `whbench_${tag}`, publication: `whbench_${tag}`, topicPrefix: `whbench-${tag}`, groupId: `whbench-${tag}-webhooks` };
const sql = cdcSql(config.databaseUrl, 12);
const workers: BenchProcess[] = [];
const say = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let userId: string | null = null;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const senderCpuSeconds = async (port: number): Promise<number> =>
  Number(/^process_cpu_seconds_total (\S+)$/m.exec(await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text()))?.[1] ?? Number.NaN);

/** The upper bound of the bucket holding the p-th percentile of a Prometheus histogram. */
function histogramPct(text: string, name: string, p: number): string {
  const buckets = [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\S+)$`, 'gm'))].map((m) => [m[1]!, Number(m[2])] as const);
  const total = buckets[buckets.length - 1]?.[1] ?? 0;
  return buckets.find(([, n]) => n >= (p / 100) * total)?.[0] ?? '?';
}
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const summary = (xs: number[]) => `p50 ${fmt(pct(xs, 50))}, p95 ${fmt(pct(xs, 95))}, p99 ${fmt(pct(xs, 99))}, max ${fmt(Math.max(...xs))}`;

async function main(): Promise<void> {
  const received = new Map<string, number>();
  const receiverPort = await freePort();
  const receiver = createServer((req, res) => {
    const id = req.headers['webhook-id'] as string;
    const at = Date.now();
    req.resume();
    req.on('end', () => {
      if (!received.has(id)) received.set(id, at);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(receiverPort, '127.0.0.1', () => r()));

  const total = WARMUP + RATE * SECONDS;
  [{ id: userId }] = await sql<[{ id: string }]>`
    insert into users (email, password_hash) values (${`whbench-${tag}@example.com`}, 'scrypt$1024$8$1$x$x') returning id`;
  const orders = (
    await sql<{ id: string }[]>`
      insert into orders ${sql(Array.from({ length: total }, () => ({ user_id: userId, status: 'pending_payment', total_amount: 49_900, payment_due_at: new Date(Date.now() + 3600_000) })))}
      returning id`
  ).map((o) => o.id);
  await sql`insert into webhook_endpoints (url, event_types, secret, created_by)
            values (${`http://127.0.0.1:${receiverPort}/hooks`}, ${['order.paid']}, ${`whsec_${randomBytes(32).toString('base64url')}`}, ${userId})`;

  // The broker stamps each record as it appends it: commit → Kafka without this process's own delay.
  await ensureTopics(
    config.KAFKA_BROKERS,
    PUBLISHED_TABLES.map((t) => topicFor(names.topicPrefix, 'public', t)),
    3,
    { 'message.timestamp.type': 'LogAppendTime' },
  );
  // The slot made without a snapshot (the bench database's catalog would cost minutes), then the relay as deployed.
  await (await startRelay(relaySettings(config, { ...names, metricsPort: null, initialSnapshot: false }), createLogger('warn', { service: 'relay' }))).stop();
  const [relayPort, senderPort] = [await freePort(), await freePort()];
  const common = { CDC_TOPIC_PREFIX: names.topicPrefix, LOG_LEVEL: 'warn' };
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
      'webhooks',
      'cdc/webhooks/main.ts',
      { ...common, CDC_WEBHOOKS_GROUP: names.groupId, WEBHOOK_METRICS_PORT: String(senderPort) },
      `http://127.0.0.1:${senderPort}/health`,
    ),
  );

  const kafkaAt = new Map<string, number>();
  const tap = await tapTopics({
    brokers: config.KAFKA_BROKERS,
    topics: [topicFor(names.topicPrefix, 'public', 'order_events')],
    onMessage: (m) => {
      const e = JSON.parse(m.value ?? 'null') as Envelope | null;
      if (e?.op === 'c') kafkaAt.set(`evt_order_${e.after!.id}`, m.timestamp);
    },
  });

  const committed = new Map<string, number>();
  const pay = async (orderId: string) => {
    const [e] = await sql.begin(async (tx) => {
      await tx`update orders set status = 'paid', updated_at = now() where id = ${orderId}`;
      return tx<[{ id: number; at: Date }]>`insert into order_events (order_id, status) values (${orderId}, 'paid') returning id, at`;
    });
    committed.set(`evt_order_${e.id}`, e.at.getTime());
  };

  // Warm-up: the sender's new group starts at the newest events, so wait until it hears them.
  const deadline = Date.now() + 120_000;
  let w = 0;
  while (received.size === 0) {
    if (Date.now() > deadline) throw new Error('no webhook arrived within 2 min of the warm-up');
    if (w < WARMUP) await pay(orders[w++]!);
    await sleep(500);
  }
  while (w < WARMUP) await pay(orders[w++]!);
  await sleep(2000);
  const warm = new Set(committed.keys());

  say(`load: ${RATE} orders/s moved to paid for ${SECONDS} s; relay and webhook sender in their own processes; one endpoint on a loopback receiver`);
  const loadBefore = loadavg();
  const cpuBefore = await senderCpuSeconds(senderPort);
  const start = Date.now();
  let seq = 0;
  const inflight = new Set<Promise<void>>();
  while (Date.now() - start < SECONDS * 1000) {
    const due = Math.min(RATE * SECONDS, Math.floor(((Date.now() - start) / 1000) * RATE));
    while (seq < due) {
      const p = pay(orders[WARMUP + seq++]!);
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    }
    await sleep(2);
  }
  await Promise.all(inflight);
  const loadMs = Date.now() - start;
  const loadDuring = loadavg();
  const senderCpu = ((await senderCpuSeconds(senderPort)) - cpuBefore) / (loadMs / 1000);
  const measured = [...committed.keys()].filter((id) => !warm.has(id));
  const waitUntil = Date.now() + 60_000;
  while (measured.some((id) => !received.has(id) || !kafkaAt.has(id)) && Date.now() < waitUntil) await sleep(200);
  await tap.stop();
  await new Promise<void>((r) => receiver.close(() => r()));

  const latency = measured.filter((id) => received.has(id)).map((id) => received.get(id)! - committed.get(id)!);
  const toKafka = measured.filter((id) => kafkaAt.has(id)).map((id) => kafkaAt.get(id)! - committed.get(id)!);
  const missing = measured.length - latency.length;
  const achieved = measured.length / (loadMs / 1000);
  const p99 = pct(latency, 99);
  const k99 = pct(toKafka, 99);
  say(
    `  paid ${measured.length} orders in ${(loadMs / 1000).toFixed(1)} s = ${achieved.toFixed(1)} order events/s (goal ${RATE}/s); ${missing} not delivered within 60 s`,
  );
  say(
    `  commit → webhook received (order_events.at → the receiver's arrival), n=${latency.length}: ${summary(latency)}; goal p99 ≤ ${GOAL_P99_MS} ms → ratio ${(p99 / GOAL_P99_MS).toFixed(2)}`,
  );
  say(`  ceiling, commit → Kafka append of the same events (LogAppendTime), n=${toKafka.length}: ${summary(toKafka)}`);
  say(`  webhook p99 / commit→Kafka p99 = ${(p99 / k99).toFixed(1)}x; Kafka → receiver adds ~${fmt(p99 - k99)} at p99`);
  say(
    `  load average (1/5/15 min, shared machine) before ${loadBefore.map((l) => l.toFixed(1)).join('/')}, at the end of the load ${loadDuring.map((l) => l.toFixed(1)).join('/')}`,
  );
  // where the time goes: the delivery row is inserted by the consumer's handler, then sent by the dispatcher
  const rows = await sql<{ event_id: string; created_at: Date }[]>`select event_id, created_at from webhook_deliveries where event_id = any(${measured})`;
  const toRow = rows.map((r) => r.created_at.getTime() - committed.get(r.event_id)!);
  const rowToReceiver = rows.filter((r) => received.has(r.event_id)).map((r) => received.get(r.event_id)! - r.created_at.getTime());
  say(
    `  of which commit → delivery row (relay, Kafka, the sender's consumer): ${summary(toRow)}; delivery row → received (dispatch): ${summary(rowToReceiver)}`,
  );
  say(`  the sender process used ${(senderCpu * 100).toFixed(0)} % of a core during the load`);
  const metrics = await fetch(`http://127.0.0.1:${senderPort}/metrics`).then((r) => r.text());
  const attempts = [...metrics.matchAll(/^cdc_webhooks_attempts_total\{outcome="(\w+)"\} (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`).join(', ');
  say(
    `  sender attempts: ${attempts || 'none reported'}; one attempt (POST until its answer) p50 ≤ ${histogramPct(metrics, 'cdc_webhooks_attempt_seconds', 50)} s, p99 ≤ ${histogramPct(metrics, 'cdc_webhooks_attempt_seconds', 99)} s (histogram bucket bounds)`,
  );
  writeBenchResult('webhooks', ['relay (its own process)', 'webhook sender (its own process)', 'loopback receiver and load in the bench process'], {
    order_events_per_s: { value: achieved, unit: 'order events/s' },
    commit_to_webhook_p50_ms: { value: pct(latency, 50), unit: 'ms' },
    commit_to_webhook_p95_ms: { value: pct(latency, 95), unit: 'ms' },
    commit_to_webhook_p99_ms: { value: p99, unit: 'ms' },
    commit_to_webhook_max_ms: { value: Math.max(...latency), unit: 'ms' },
    commit_to_kafka_p99_ms: { value: k99, unit: 'ms' },
    not_delivered: { value: missing, unit: 'events' },
  });
}

async function cleanup(): Promise<void> {
  await Promise.all(workers.map((w) => w.stop()));
  if (userId) {
    await sql`delete from webhook_endpoints where created_by = ${userId}`;
    await sql`delete from orders where user_id = ${userId}`;
    await sql`delete from users where id = ${userId}`;
  }
  await removePipeline({ ...pipelineEndpoints(config), ...names });
  await sql.end();
}

try {
  await main();
} catch (e) {
  process.stderr.write(`bench:webhooks failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
