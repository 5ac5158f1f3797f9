import type { LogSink } from './log.ts';

// Log lines for the edge on Node: gathered during one turn of the event loop and written with a
// single stdout write after it. console.log to a pipe is a synchronous write per line, which at
// 10k requests/s cost the edge half its throughput.
export function batchedStdout(out: { write(chunk: string): unknown } = process.stdout): { sink: LogSink; flush(): void } {
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const chunk = `${lines.join('\n')}\n`;
    lines = [];
    out.write(chunk);
  };
  return {
    sink: (line) => {
      if (lines.push(line) === 1) setImmediate(flush);
    },
    flush,
  };
}
