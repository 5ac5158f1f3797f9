import { createLogger } from '../log/json-logger.ts';

// Core logs through the shared format (log/json-logger.ts); its call sites take the level first.
export type Logger = (level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

export function jsonLogger(minLevel: 'debug' | 'info' | 'warn' | 'error' = 'info', service = 'core'): Logger {
  const log = createLogger(minLevel, { service }, (line) => process.stdout.write(`${line}\n`));
  return (level, msg, fields) => log[level](msg, fields);
}

export const silentLogger: Logger = () => {};
