// The one structured-log format of every service: a JSON object per line with time, level,
// the logger's base fields (service, …), msg and the event's fields. Pure (no Node APIs), so
// the edge uses it under workerd too; the sink decides where lines go.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (line: string) => void;
export type Logger = Record<LogLevel, (msg: string, fields?: Record<string, unknown>) => void> & { child(fields: Record<string, unknown>): Logger };

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(level: LogLevel, base: Record<string, unknown> = {}, sink: LogSink = (line) => console.log(line)): Logger {
  const at = (l: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (RANK[l] < RANK[level]) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level: l, ...base, msg, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (fields) => createLogger(level, { ...base, ...fields }, sink) };
}
