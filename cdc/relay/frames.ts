import type { Duplex } from 'node:stream';

// CopyData payloads one by one, in order. A paused byte stream would coalesce buffered
// payloads on read(), losing their boundaries, so this listens in flowing mode (one 'data'
// event per payload) and pauses the socket while the consumer is behind.
export async function* copyDataFrames(stream: Duplex, highWater = 1000): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onData = (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length >= highWater) stream.pause();
    notify();
  };
  const onEnd = () => {
    done = true;
    notify();
  };
  const onError = (e: Error) => {
    failure = e;
    done = true;
    notify();
  };
  stream.on('data', onData);
  stream.once('end', onEnd);
  stream.once('close', onEnd);
  stream.once('error', onError);
  try {
    for (;;) {
      if (queue.length > 0) {
        const next = queue.shift()!;
        if (queue.length < highWater / 2 && stream.isPaused()) stream.resume();
        yield next;
      } else if (done) {
        if (failure) throw failure;
        return;
      } else await new Promise<void>((r) => (wake = r));
    }
  } finally {
    stream.off('data', onData);
    stream.off('end', onEnd);
    stream.off('close', onEnd);
    stream.off('error', onError);
  }
}
