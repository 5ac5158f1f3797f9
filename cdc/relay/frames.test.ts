import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { copyDataFrames } from './frames.ts';

// postgres.js pushes one CopyData payload per push(); reading a paused byte stream would glue
// them together, so the generator must hand them out one by one even when it falls behind.
function source() {
  const d = new Duplex({
    read() {},
    write(_c, _e, cb) {
      cb();
    },
  });
  return d;
}

describe('copyDataFrames', () => {
  it('keeps payload boundaries while the consumer is slow, and ends with the stream', async () => {
    const d = source();
    const payloads = Array.from({ length: 50 }, (_, i) => Buffer.from(`frame-${i}`));
    const got: string[] = [];
    const consumer = (async () => {
      for await (const f of copyDataFrames(d, 8)) {
        got.push(f.toString());
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    for (const p of payloads) d.push(p);
    d.push(null);
    await consumer;
    expect(got).toEqual(payloads.map(String));
  });

  it('rethrows a stream error after the frames before it', async () => {
    const d = source();
    const got: string[] = [];
    const consumer = (async () => {
      for await (const f of copyDataFrames(d)) got.push(f.toString());
    })();
    d.push(Buffer.from('a'));
    await new Promise((r) => setTimeout(r, 5));
    d.destroy(new Error('connection lost'));
    await expect(consumer).rejects.toThrow('connection lost');
    expect(got).toEqual(['a']);
  });
});
