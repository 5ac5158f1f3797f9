// How many events per second over a sliding window: the relay's and every consumer's
// events_per_second gauge.
export type RateWindow = { add(n: number): void; perSecond(): number };

export function rateWindow(windowMs: number, now: () => number = Date.now): RateWindow {
  let entries: Array<[at: number, n: number]> = [];
  return {
    add(n) {
      entries.push([now(), n]);
    },
    perSecond() {
      const since = now() - windowMs;
      entries = entries.filter(([at]) => at >= since);
      return (entries.reduce((sum, [, n]) => sum + n, 0) * 1000) / windowMs;
    },
  };
}
