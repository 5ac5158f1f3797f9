// Pure: the sliding-window write limit (as @upstash/ratelimit's slidingWindow counts it), and the
// one Lua script that checks several limits in one Redis round trip. A limit allows a write when
// the current window's count plus the previous window's, weighted by how much of it still
// overlaps the sliding minute, is below its tokens; an allowed write counts in the current window.

export type WindowLimit = { tokens: number; key: string };
export type WindowCheck = { success: boolean; limit: number; remaining: number; reset: number };

/** KEYS: per limit its current then previous window's counter; ARGV: now, window ms, then each limit's tokens. */
export const SLIDING_WINDOWS_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local out = {}
for i = 1, #KEYS / 2 do
  local tokens = tonumber(ARGV[2 + i])
  local current = tonumber(redis.call('GET', KEYS[2 * i - 1]) or '0')
  local previous = math.floor((1 - (now % window) / window) * tonumber(redis.call('GET', KEYS[2 * i]) or '0'))
  if previous + current >= tokens then
    out[i] = -1
  else
    local counted = redis.call('INCR', KEYS[2 * i - 1])
    if counted == 1 then redis.call('PEXPIRE', KEYS[2 * i - 1], window * 2 + 1000) end
    out[i] = tokens - (counted + previous)
  end
end
return out`;

/** An instance's own counters, per limit key: its current and previous window's writes. */
export type LocalWindows = Map<string, { window: number; current: number; previous: number }>;

/**
 * The script's answers (SLIDING_WINDOWS_SCRIPT), counted in `counters` instead of Redis: what an
 * instance decides on its own while the shared counters cannot answer.
 */
export function countLocally(counters: LocalWindows, limits: readonly WindowLimit[], now: number, windowMs: number): number[] {
  const window = Math.floor(now / windowMs);
  return limits.map((l) => {
    const was = counters.get(l.key);
    const c = was?.window === window ? was : { window, current: 0, previous: was?.window === window - 1 ? was.current : 0 };
    counters.set(l.key, c);
    const previous = Math.floor((1 - (now % windowMs) / windowMs) * c.previous);
    if (previous + c.current >= l.tokens) return -1;
    c.current += 1;
    return l.tokens - (c.current + previous);
  });
}

/** The script's keys and arguments: counters named `<key>:<window index>`, as @upstash/ratelimit names them. */
export function windowsCall(limits: readonly WindowLimit[], now: number, windowMs: number): { keys: string[]; args: string[] } {
  const current = Math.floor(now / windowMs);
  return {
    keys: limits.flatMap((l) => [`${l.key}:${current}`, `${l.key}:${current - 1}`]),
    args: [String(now), String(windowMs), ...limits.map((l) => String(l.tokens))],
  };
}

/** Each limit's answer (remaining after the write, -1 denied) as a check; resets at the window's end. */
export function windowChecks(limits: readonly WindowLimit[], answers: readonly number[], now: number, windowMs: number): WindowCheck[] {
  const reset = (Math.floor(now / windowMs) + 1) * windowMs;
  return limits.map((l, i) => {
    const remaining = Number(answers[i] ?? -1);
    return { success: remaining >= 0, limit: l.tokens, remaining: Math.max(0, remaining), reset };
  });
}

/** The tightest limit: the one denying, else the one with the least room left. */
export const tightest = (checks: readonly WindowCheck[]): WindowCheck =>
  checks.reduce((a, b) => (!b.success && a.success ? b : a.success === b.success && b.remaining < a.remaining ? b : a));
