import { describe, expect, it } from 'vitest';
import { createFlusher } from './flusher.ts';
import type { CommittedTx } from './transactions.ts';
import type { ChangeRecord } from './envelope.ts';

const tx = (endLsn: number, n: number): CommittedTx => ({
  xid: endLsn,
  commitLsn: endLsn - 1,
  endLsn,
  commitTimeUs: 0,
  records: Array.from({ length: n }, (_, i) => ({ topic: 't', key: `${endLsn}-${i}`, value: {} as ChangeRecord['value'] })),
});

function harness(failures = 0, lingerMs = 0) {
  const sent: number[][] = [];
  const confirmed: number[] = [];
  let releases: Array<() => void> = [];
  let toFail = failures;
  const f = createFlusher({
    maxBatchMessages: 5,
    lingerMs,
    backoff: { initialMs: 0, maxMs: 0 },
    send: (txs) => {
      sent.push(txs.map((t) => t.endLsn));
      if (toFail-- > 0) return Promise.reject(new Error('kafka down'));
      return new Promise<void>((r) => releases.push(r));
    },
    onConfirmed: (lsn) => confirmed.push(lsn),
    onSendError: () => {},
  });
  const release = async () => {
    const rs = releases;
    releases = [];
    for (const r of rs) r();
    await new Promise((r) => setTimeout(r, 5));
  };
  return { f, sent, confirmed, release };
}

describe('createFlusher', () => {
  it('confirms only after the send resolved, grouping what queued meanwhile', async () => {
    const { f, sent, confirmed, release } = harness();
    f.enqueue(tx(10, 1));
    f.enqueue(tx(20, 2));
    f.enqueue(tx(30, 2));
    expect(confirmed).toEqual([]);
    expect(f.pendingMessages()).toBe(5);
    await release();
    expect(sent).toEqual([[10], [20, 30]]);
    expect(confirmed).toEqual([10]);
    await release();
    expect(confirmed).toEqual([10, 30]);
    expect(f.idle()).toBe(true);
    await f.drained();
  });

  it('lingers before a send so that transactions committed close together share it', async () => {
    const { f, sent, confirmed, release } = harness(0, 30);
    f.enqueue(tx(10, 1));
    await new Promise((r) => setTimeout(r, 5));
    f.enqueue(tx(20, 1));
    expect(sent).toEqual([]);
    await new Promise((r) => setTimeout(r, 40));
    expect(sent).toEqual([[10, 20]]);
    await release();
    expect(confirmed).toEqual([20]);
    await f.drained();
  });

  it('does not linger when a full batch is already queued', async () => {
    const { f, sent } = harness(0, 10_000);
    f.enqueue(tx(10, 5));
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toEqual([[10]]);
    f.close();
  });

  it('sends nothing when closed while lingering', async () => {
    const { f, sent, confirmed } = harness(0, 20);
    f.enqueue(tx(10, 1));
    f.close();
    await new Promise((r) => setTimeout(r, 40));
    expect(sent).toEqual([]);
    expect(confirmed).toEqual([]);
  });

  it('never splits a transaction, even one larger than a batch', async () => {
    const { f, sent, release } = harness();
    f.enqueue(tx(10, 1));
    f.enqueue(tx(20, 7));
    f.enqueue(tx(30, 1));
    await release();
    await release();
    await release();
    expect(sent).toEqual([[10], [20], [30]]);
  });

  it('retries a failed send as a whole before confirming', async () => {
    const { f, sent, confirmed, release } = harness(2);
    f.enqueue(tx(10, 1));
    await new Promise((r) => setTimeout(r, 10));
    expect(confirmed).toEqual([]);
    await release();
    expect(sent).toEqual([[10], [10], [10]]);
    expect(confirmed).toEqual([10]);
  });

  it('confirms empty transactions without sending', async () => {
    const { f, sent, confirmed } = harness();
    f.enqueue(tx(10, 0));
    await f.drained();
    expect(sent).toEqual([]);
    expect(confirmed).toEqual([10]);
  });

  it('below() waits for the backlog to shrink', async () => {
    const { f, release } = harness();
    f.enqueue(tx(10, 3));
    f.enqueue(tx(20, 3));
    let passed = false;
    const p = f.below(4).then(() => (passed = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(passed).toBe(false);
    await release();
    await p;
    expect(passed).toBe(true);
  });
});
