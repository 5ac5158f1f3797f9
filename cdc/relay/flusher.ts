import { retry, type Backoff } from '../backoff.ts';
import type { CommittedTx } from './transactions.ts';
import type { Lsn } from './lsn.ts';

// Group commit to Kafka: committed transactions queue up in WAL order; one send at a time
// carries everything queued (whole transactions only), and only after Kafka acknowledged a
// send does the confirmable LSN advance to the end of its last transaction. A failed send is
// retried as a whole, so a message can be duplicated but never skipped. Before a send the
// flusher lingers a little (unless a full batch is already queued) so that transactions
// committed close together share one produce request: the broker's cost is per request.

export type Flusher = {
  enqueue(tx: CommittedTx): void;
  pendingMessages(): number;
  /** True when nothing is queued or in flight: every transaction handed over is in Kafka. */
  idle(): boolean;
  /** Resolves once idle (or rejects when closed before that). */
  drained(): Promise<void>;
  /** Resolves once fewer than `n` messages are pending. */
  below(n: number): Promise<void>;
  close(): void;
};

export function createFlusher(opts: {
  send(txs: CommittedTx[]): Promise<void>;
  onConfirmed(endLsn: Lsn, txs: CommittedTx[], ackedAt: number): void;
  onSendError(error: unknown, attempt: number): void;
  maxBatchMessages: number;
  /** How long queued transactions wait for company before a send. */
  lingerMs?: number;
  backoff?: Backoff;
  now?: () => number;
}): Flusher {
  const queue: CommittedTx[] = [];
  let pending = 0;
  let running = false;
  let closed = false;
  let waiters: Array<{ test: () => boolean; resolve: () => void; reject: (e: Error) => void }> = [];
  const now = opts.now ?? Date.now;

  const notify = () => {
    waiters = waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  };
  const wait = (test: () => boolean) =>
    test()
      ? Promise.resolve()
      : closed
        ? Promise.reject(new Error('flusher closed'))
        : new Promise<void>((resolve, reject) => waiters.push({ test, resolve, reject }));

  const take = (): CommittedTx[] => {
    const batch: CommittedTx[] = [];
    let n = 0;
    while (queue.length > 0 && (batch.length === 0 || n + queue[0]!.records.length <= opts.maxBatchMessages)) {
      const tx = queue.shift()!;
      n += tx.records.length;
      batch.push(tx);
    }
    return batch;
  };

  const run = async () => {
    running = true;
    while (queue.length > 0 && !closed) {
      if (opts.lingerMs && pending < opts.maxBatchMessages) await new Promise((r) => setTimeout(r, opts.lingerMs));
      if (closed) break;
      const batch = take();
      // rejects only once the flusher is closed, which the next line handles
      if (batch.some((t) => t.records.length > 0))
        await retry(() => opts.send(batch), { backoff: opts.backoff, onError: opts.onSendError, stopped: () => closed }).catch(() => undefined);
      if (closed) break;
      pending -= batch.reduce((s, t) => s + t.records.length, 0);
      opts.onConfirmed(batch[batch.length - 1]!.endLsn, batch, now());
      notify();
    }
    running = false;
    notify();
  };

  const idle = () => queue.length === 0 && !running;
  return {
    enqueue(tx) {
      if (closed) throw new Error('flusher closed');
      queue.push(tx);
      pending += tx.records.length;
      if (!running) void run();
    },
    pendingMessages: () => pending,
    idle,
    drained: () => wait(idle),
    below: (n) => wait(() => pending < n),
    close() {
      closed = true;
      for (const w of waiters) w.reject(new Error('flusher closed'));
      waiters = [];
    },
  };
}
