import { describe, expect, it } from 'vitest';
import { batchedStdout } from './node-log-sink.ts';

describe('batchedStdout', () => {
  it('writes the lines of one event-loop turn together, in order, once', async () => {
    const writes: string[] = [];
    const { sink } = batchedStdout({ write: (c: string) => writes.push(c) });
    sink('{"a":1}');
    sink('{"a":2}');
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual(['{"a":1}\n{"a":2}\n']);
    sink('{"a":3}');
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual(['{"a":1}\n{"a":2}\n', '{"a":3}\n']);
  });

  it('flush() writes what is pending at once (on exit)', () => {
    const writes: string[] = [];
    const { sink, flush } = batchedStdout({ write: (c: string) => writes.push(c) });
    flush();
    sink('x');
    flush();
    flush();
    expect(writes).toEqual(['x\n']);
  });
});
