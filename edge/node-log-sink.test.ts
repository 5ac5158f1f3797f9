import { describe, expect, it } from 'vitest';
import { batchedStdout } from './node-log-sink.ts';

const text = (chunks: Uint8Array[]) => chunks.map((c) => Buffer.from(c).toString());

describe('batchedStdout', () => {
  it('writes the lines of one interval together, in order, once', async () => {
    const writes: Uint8Array[] = [];
    const { sink } = batchedStdout({ write: (c) => writes.push(c) }, { intervalMs: 20, bufferBytes: 1024 });
    sink('{"a":1}');
    sink('{"a":"é"}');
    expect(writes).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(text(writes)).toEqual(['{"a":1}\n{"a":"é"}\n']);
    sink('{"a":3}');
    await new Promise((r) => setTimeout(r, 60));
    expect(text(writes)).toEqual(['{"a":1}\n{"a":"é"}\n', '{"a":3}\n']);
  });

  it('writes at once when the buffer would overflow, and a line larger than the buffer whole', () => {
    const writes: Uint8Array[] = [];
    const { sink, flush } = batchedStdout({ write: (c) => writes.push(c) }, { intervalMs: 60_000, bufferBytes: 40 });
    sink('0123456789');
    sink('abcdefghij');
    expect(text(writes)).toEqual(['0123456789\n']);
    sink('x'.repeat(40));
    expect(text(writes)).toEqual(['0123456789\n', 'abcdefghij\n', `${'x'.repeat(40)}\n`]);
    flush();
    expect(writes).toHaveLength(3);
  });

  it('flush() writes what is pending at once (on exit), and never an empty chunk', () => {
    const writes: Uint8Array[] = [];
    const { sink, flush } = batchedStdout({ write: (c) => writes.push(c) }, { intervalMs: 60_000, bufferBytes: 1024 });
    flush();
    sink('x');
    flush();
    flush();
    expect(text(writes)).toEqual(['x\n']);
  });
});
