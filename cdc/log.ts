// cdc workers log through the shared format (log/json-logger.ts), one line per write to stdout.
import { createLogger as create, type Logger, type LogLevel } from '../log/json-logger.ts';

export type { Logger, LogLevel };

export function errorFields(e: unknown): Record<string, unknown> {
  return e instanceof Error ? { error: e.message, error_name: e.name } : { error: String(e) };
}

export const createLogger = (
  level: LogLevel,
  base: Record<string, unknown> = {},
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger => create(level, base, write);
