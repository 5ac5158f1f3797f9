import type { Logger } from '../log.ts';
import { markDown, markUp, newPool, pickCores, probesDue, type CorePool } from './core-pool.ts';
import type { CoreFetch } from './forward.ts';

// Core behind several URLs (CORE_URLS): each request goes to a core that is up (core-pool.ts).
// A connection that fails marks its core down; a refused one never reached core, so any request
// moves on to the next core. A connection lost mid-request may have been served, so that error
// goes back to the caller, which alone knows whether a retry is safe. Timeouts mark nothing: a
// slow core is not a dead one. Down cores are probed on /health, started by the traffic rather
// than a timer, which a Worker would not keep between requests.
const PROBE_TIMEOUT_MS = 1000;

/** Requests are addressed to the first URL (the forwarder's base); the path and query are kept on whichever core serves them. */
export function createFailoverFetch(opts: { urls: readonly string[]; fetch: CoreFetch; log: Logger; now?: () => number }): CoreFetch {
  const bases = opts.urls.map((u) => u.replace(/\/$/, ''));
  const now = opts.now ?? Date.now;
  let pool: CorePool = newPool(bases.length);
  const probing = new Set<number>();

  const probe = (i: number) => {
    probing.add(i);
    opts
      .fetch(new Request(`${bases[i]}/health`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }))
      .then(
        (res) => {
          if (!res.ok) throw new Error(`health ${res.status}`);
          pool = markUp(pool, i);
          opts.log.info('core up again', { core: bases[i] });
        },
        (e: Error) => {
          pool = markDown(pool, i, now());
          opts.log.debug('core still down', { core: bases[i], error: e.message });
        },
      )
      .finally(() => probing.delete(i));
  };

  return async (req) => {
    if (!req.url.startsWith(bases[0]!)) return opts.fetch(req);
    for (const i of probesDue(pool, now())) if (!probing.has(i)) probe(i);
    const picked = pickCores(pool);
    pool = picked.pool;
    const rest = req.url.slice(bases[0]!.length);
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
    for (const [k, i] of picked.order.entries()) {
      try {
        const res = await opts.fetch(
          new Request(`${bases[i]}${rest}`, { method: req.method, headers: req.headers, body, redirect: req.redirect, signal: req.signal }),
        );
        pool = markUp(pool, i);
        return res;
      } catch (e) {
        if ((e as Error).name === 'TimeoutError' || (e as Error).name === 'AbortError') throw e;
        pool = markDown(pool, i, now());
        const refused = connectionRefused(e);
        opts.log.warn('core connection failed; marked down', { core: bases[i], refused, error: (e as Error).message });
        if (!refused || k === picked.order.length - 1) throw e;
      }
    }
    throw new Error('no core configured');
  };
}

/** undici (Node) says why fetch failed in `cause.code`; under workerd nothing tells a refusal apart, so it counts as lost. */
const connectionRefused = (e: unknown) => (e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';

/** Plain fetch to one core, or failover between several. */
export const fetchCores = (urls: readonly string[], log: Logger): CoreFetch =>
  urls.length === 1 ? (r) => fetch(r) : createFailoverFetch({ urls, fetch: (r) => fetch(r), log });
