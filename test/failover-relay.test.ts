import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from 'postgres';
import { config } from '../config/index.ts';
import { tapTopics, type IncomingMessage } from '../cdc/kafka.ts';
import type { Envelope } from '../openapi/internal/events.ts';
import { deleteProducts, insertProducts, productTopics, teardown, testSql, uniqueNames, updatedPricesSeen, waitFor } from './cdc-harness.ts';
import { freePort, startEntry, type RunningProcess } from './support/servers.ts';

// A hot-standby relay: two relays on one slot, the active one holding the slot's advisory lock.
// Killed -9 in the middle of 3,000 committed updates, the active one is replaced by the standby
// within 5 s; every committed change reaches Kafka, and per key no change overtakes an earlier
// one (a change may come twice: the standby resends what was not confirmed, its LSN tells).
const names = uniqueNames('frelay');
const prefix = `frelay-${names.slot.slice(-6)}`;
const PRODUCTS = 100;
const UPDATES = 3000;
const KILL_AT = 1000;
let sql: Sql;
let tap: { messages: IncomingMessage[]; stop(): Promise<void> };
const relays: RunningProcess[] = [];

type Health = { status: string; role?: string };
const health = async (r: RunningProcess): Promise<Health> => (await fetch(`${r.url}/health`, { signal: AbortSignal.timeout(1000) })).json() as Promise<Health>;
const streamingActive = async (r: RunningProcess) => {
  const h = await health(r);
  return h.status === 'ok' && h.role === 'active';
};
const activeGauge = async (r: RunningProcess) => Number(/^cdc_relay_active (\d)$/m.exec(await (await fetch(`${r.url}/metrics`)).text())?.[1]);

async function startRelay(n: number): Promise<RunningProcess> {
  const port = await freePort();
  return startEntry(
    'cdc/relay/main.ts',
    { CDC_SLOT: names.slot, CDC_PUBLICATION: names.publication, CDC_TOPIC_PREFIX: names.topicPrefix, RELAY_METRICS_PORT: String(port), LOG_LEVEL: 'info' },
    `http://127.0.0.1:${port}/health`,
    `relay-${n}`,
  );
}

beforeAll(async () => {
  sql = testSql();
  await insertProducts(sql, prefix, PRODUCTS);
  tap = await tapTopics({ brokers: config.KAFKA_BROKERS, topics: productTopics(names).slice(0, 1) });
  relays.push(await startRelay(1));
  await waitFor('relay 1 streaming after its snapshot', () => streamingActive(relays[0]!), 120_000, 200);
  relays.push(await startRelay(2));
});

afterAll(async () => {
  for (const r of relays) await r.stop();
  await tap?.stop();
  await deleteProducts(sql, prefix);
  await teardown(names);
  await sql.end();
});

/** Per key, in Kafka's order: every change not seen before has a higher LSN than all before it (repeats are resends). */
function overtaken(messages: readonly IncomingMessage[]): string[] {
  const seen = new Map<string, { max: number; lsns: Set<number> }>();
  const out: string[] = [];
  for (const m of messages) {
    const e = JSON.parse(m.value!) as Envelope;
    const id = String((e.after ?? e.before)?.id);
    if (!id.startsWith(`${prefix}-`)) continue;
    const lsn = Number(e.source.lsn);
    const k = seen.get(id) ?? { max: 0, lsns: new Set<number>() };
    if (!k.lsns.has(lsn) && lsn < k.max) out.push(`${id}: ${lsn} after ${k.max}`);
    k.lsns.add(lsn);
    k.max = Math.max(k.max, lsn);
    seen.set(id, k);
  }
  return out;
}

describe('hot-standby relay', () => {
  it('hands over to the standby within 5 s of a kill -9, losing nothing and keeping per-key order', async () => {
    const [active, standby] = relays as [RunningProcess, RunningProcess];
    expect(await health(standby)).toMatchObject({ status: 'ok', role: 'standby' });
    expect([await activeGauge(active), await activeGauge(standby)]).toEqual([1, 0]);

    const ids = Array.from({ length: PRODUCTS }, (_, i) => `${prefix}-${i}`);
    const committed: number[] = [];
    let next = 1;
    let killedAt = 0;
    const writer = async () => {
      for (;;) {
        const seq = next++;
        if (seq > UPDATES) return;
        await sql`update products set price_amount = ${seq} where id = ${ids[seq % ids.length]!}`;
        committed.push(seq);
        if (committed.length === KILL_AT) {
          await active.kill();
          killedAt = performance.now();
        }
      }
    };
    const takeover = (async () => {
      await waitFor('the kill', async () => killedAt > 0, 60_000, 5);
      await waitFor('the standby streaming', () => streamingActive(standby), 10_000, 50);
      return performance.now() - killedAt;
    })();
    await Promise.all([writer(), writer(), writer(), writer()]);
    const tookMs = await takeover;
    console.log(`standby streaming ${Math.round(tookMs)} ms after the kill -9 of the active relay`);
    expect(tookMs).toBeLessThan(5000);
    expect(await activeGauge(standby)).toBe(1);

    const seen = () => updatedPricesSeen(tap.messages, prefix);
    const missing = () => {
      const s = seen();
      return committed.filter((seq) => !s.has(seq));
    };
    await waitFor('every committed update in Kafka', async () => missing().length === 0, 60_000, 500).catch((e) => {
      const left = missing();
      throw new Error(`${(e as Error).message}: ${left.length} missing, e.g. ${left.slice(0, 10).join(',')}`);
    });
    expect(overtaken(tap.messages)).toEqual([]);
    const updates = tap.messages.filter((m) => m.value?.includes(`"${prefix}-`) && m.value.includes('"op":"u"')).length;
    console.log(`${UPDATES} committed updates, ${updates} update messages in Kafka (${updates - UPDATES} resent by the standby)`);
  }, 180_000);
});
