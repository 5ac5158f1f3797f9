// Structured JSON log lines (console works the same in workerd and Node; the Node entry passes a
// batching sink instead, see node-log-sink.ts).
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = Record<LogLevel, (msg: string, fields?: Record<string, unknown>) => void>;
export type LogSink = (line: string) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(level: LogLevel, service = 'edge', sink: LogSink = (line) => console.log(line)): Logger {
  const at = (l: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (RANK[l] < RANK[level]) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level: l, service, msg, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
