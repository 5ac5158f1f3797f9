// Pure: the per-address read limit, counted in fixed one-minute windows. A read never waits for
// Redis: each edge instance counts its own reads of an address and adds them to the shared count
// at most once per FLUSH_MS, and the total Redis answers tells it how far every instance got. An
// address may overshoot by what the other instances served since their last flush; that is the
// price of keeping a cached read free of a round trip.
export const WINDOW_MS = 60_000;
export const FLUSH_MS = 1000;

/** What this instance knows of one address in the current window. */
export type ReadTally = { window: number; seen: number; unflushed: number; flushedAt: number };

export type ReadStep = { allowed: true; tally: ReadTally; flush: number } | { allowed: false; tally: ReadTally; retryAfterSeconds: number };

export const windowOf = (now: number) => Math.floor(now / WINDOW_MS);

/** One read from the address: allowed or not, the new tally, and how many reads to add to the shared count now (0: not yet). */
export function countRead(tally: ReadTally | undefined, now: number, perMinute: number): ReadStep {
  const window = windowOf(now);
  const t = tally && tally.window === window ? tally : { window, seen: 0, unflushed: 0, flushedAt: -Infinity };
  if (t.seen >= perMinute) return { allowed: false, tally: t, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)) };
  const counted = { ...t, seen: t.seen + 1, unflushed: t.unflushed + 1 };
  if (now - t.flushedAt < FLUSH_MS) return { allowed: true, tally: counted, flush: 0 };
  return { allowed: true, tally: { ...counted, unflushed: 0, flushedAt: now }, flush: counted.unflushed };
}

/** The shared count after a flush (every instance's reads so far): the tally learns it, keeping reads counted since. */
export function learnTotal(tally: ReadTally, window: number, total: number): ReadTally {
  return tally.window === window ? { ...tally, seen: Math.max(tally.seen, total + tally.unflushed) } : tally;
}
