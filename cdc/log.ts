// Structured JSON log lines on stdout (one object per line), the format of every cdc worker.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = Record<LogLevel, (msg: string, fields?: Record<string, unknown>) => void> & { child(fields: Record<string, unknown>): Logger };

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function errorFields(e: unknown): Record<string, unknown> {
  return e instanceof Error ? { error: e.message, error_name: e.name } : { error: String(e) };
}

export function createLogger(level: LogLevel, base: Record<string, unknown> = {}, write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const emit = (lvl: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (rank[lvl] >= rank[level]) write(JSON.stringify({ time: new Date().toISOString(), level: lvl, ...base, msg, ...fields }));
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}
