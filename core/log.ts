// Structured JSON lines on stdout; one object per event.
export type Logger = (level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

const order = { debug: 10, info: 20, warn: 30, error: 40 } as const;

export function jsonLogger(minLevel: keyof typeof order = 'info', service = 'core'): Logger {
  return (level, msg, fields = {}) => {
    if (order[level] < order[minLevel]) return;
    process.stdout.write(`${JSON.stringify({ ts: new Date().toISOString(), level, service, msg, ...fields })}\n`);
  };
}

export const silentLogger: Logger = () => {};
