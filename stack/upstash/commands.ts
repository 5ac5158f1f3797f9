// The commands the bridge runs: those the project's code, @upstash/redis and @upstash/ratelimit
// send (cache reads and writes, invalidation, counters, the limiter's Lua scripts) and their
// plain read/write relatives. Everything else (CONFIG, FLUSHALL, FLUSHDB, DEBUG, KEYS, SELECT,
// SHUTDOWN, CLIENT, MONITOR, SCRIPT FLUSH, ...) is refused: a leaked token must not reconfigure,
// wipe or switch the database. Lua scripts run whatever they call, as they do on Upstash.
const ALLOWED = new Set([
  'PING',
  'GET',
  'MGET',
  'SET',
  'DEL',
  'EXISTS',
  'EXPIRE',
  'PEXPIRE',
  'TTL',
  'PTTL',
  'INCR',
  'INCRBY',
  'DECR',
  'DECRBY',
  'HGET',
  'HMGET',
  'HSET',
  'HGETALL',
  'HDEL',
  'EVAL',
  'EVALSHA',
  'EVAL_RO',
  'EVALSHA_RO',
]);
const ALLOWED_SUBCOMMANDS: Record<string, Set<string>> = { SCRIPT: new Set(['LOAD', 'EXISTS']) };

/** Why the command is refused, or null when the bridge runs it. */
export function refusal(cmd: readonly string[]): string | null {
  const name = (cmd[0] ?? '').toUpperCase();
  if (ALLOWED.has(name)) return null;
  const sub = (cmd[1] ?? '').toUpperCase();
  if (ALLOWED_SUBCOMMANDS[name]?.has(sub)) return null;
  const shown = ALLOWED_SUBCOMMANDS[name] ? `${name} ${sub}`.trim() : name;
  return `ERR command ${shown || '(empty)'} is not allowed by this bridge`;
}
