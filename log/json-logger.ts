// The one structured-log format of every service: a JSON object per line with time, level,
// the logger's base fields (service, …), msg and the event's fields. Pure (no Node APIs), so
// the edge uses it under workerd too; the sink decides where lines go.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (line: string) => void;
export type Logger = Record<LogLevel, (msg: string, fields?: Record<string, unknown>) => void> & {
  child(fields: Record<string, unknown>): Logger;
  /**
   * For the hottest line (the edge's access log): a writer of `msg` at `level` with the `fixed`
   * fields, serialised once, and per call the values of `varying`, in that order. The line holds
   * the same object as `logger[level](msg, { ...varying fields, ...fixed })`.
   */
  template(level: LogLevel, msg: string, varying: readonly string[], fixed?: Record<string, unknown>): (...values: unknown[]) => void;
};

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// The edge writes a line per request, so a line is assembled from pre-serialised parts rather
// than by spreading and serialising one object (logging was a fifth of a cached read's CPU on Node).
let lastMs = Number.NaN;
let lastIso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

export function createLogger(level: LogLevel, base: Record<string, unknown> = {}, sink: LogSink = (line) => console.log(line)): Logger {
  const reserved = ['time', 'level', 'msg', ...Object.keys(base)];
  const baseJson = JSON.stringify(base).slice(1, -1);
  const at = (l: LogLevel) => {
    const afterTime = `","level":"${l}"${baseJson ? `,${baseJson}` : ''},"msg":`;
    return (msg: string, fields?: Record<string, unknown>) => {
      if (RANK[l] < RANK[level]) return;
      if (fields === undefined) return sink(`{"time":"${isoNow()}${afterTime}${JSON.stringify(msg)}}`);
      // A field named like a fixed one replaces it, as a later key in one object would.
      if (reserved.some((key) => key in fields)) return sink(JSON.stringify({ time: isoNow(), level: l, ...base, msg, ...fields }));
      const json = JSON.stringify(fields);
      sink(`{"time":"${isoNow()}${afterTime}${JSON.stringify(msg)}${json.length > 2 ? `,${json.slice(1)}` : '}'}`);
    };
  };
  const template: Logger['template'] = (l, msg, varying, fixed = {}) => {
    if (RANK[l] < RANK[level]) return () => {};
    const keys = [...varying, ...Object.keys(fixed)];
    if (keys.some((key) => reserved.includes(key)) || new Set(keys).size !== keys.length) {
      const write = at(l);
      return (...values) => write(msg, { ...Object.fromEntries(varying.map((key, i) => [key, values[i]])), ...fixed });
    }
    const head = `","level":"${l}"${baseJson ? `,${baseJson}` : ''},"msg":${JSON.stringify(msg)}`;
    const names = varying.map((key) => `,${JSON.stringify(key)}:`);
    const fixedJson = JSON.stringify(fixed);
    const tail = fixedJson.length > 2 ? `,${fixedJson.slice(1)}` : '}';
    return (...values) => {
      let line = `{"time":"${isoNow()}${head}`;
      for (let i = 0; i < names.length; i++) {
        const json = JSON.stringify(values[i]);
        if (json !== undefined) line += names[i] + json;
      }
      sink(line + tail);
    };
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => createLogger(level, { ...base, ...fields }, sink),
    template,
  };
}
