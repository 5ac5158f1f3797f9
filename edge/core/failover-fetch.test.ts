import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { createFailoverFetch } from './failover-fetch.ts';

const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
const lost = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } });
const timeout = () => Object.assign(new Error('timed out'), { name: 'TimeoutError' });

/** Cores a and b, each answering by `behaviour[core]`; what each was asked, in order. */
function twoCores(behaviour: Record<'a' | 'b', () => Response | Error>) {
  const asked: string[] = [];
  const bodies: string[] = [];
  let clock = 0;
  const fetch = createFailoverFetch({
    urls: ['http://a.core', 'http://b.core/'],
    log: createLogger('error', {}, () => {}),
    now: () => clock,
    fetch: async (req) => {
      const url = new URL(req.url);
      asked.push(`${url.host[0]} ${req.method} ${url.pathname}${url.search}`);
      if (req.body) bodies.push(await req.text());
      const out = behaviour[url.host[0] as 'a' | 'b']();
      if (out instanceof Error) throw out;
      return out;
    },
  });
  const send = (path: string, init?: RequestInit, origin = 'http://a.core') => fetch(new Request(`${origin}${path}`, init));
  return { send, asked, bodies, advance: (ms: number) => (clock += ms) };
}

const ok = () => new Response('ok');

describe('createFailoverFetch', () => {
  it('alternates between the cores, keeping path and query', async () => {
    const t = twoCores({ a: ok, b: ok });
    for (const p of ['/cart', '/orders?cursor=x', '/cart']) await t.send(p);
    expect(t.asked).toEqual(['a GET /cart', 'b GET /orders?cursor=x', 'a GET /cart']);
  });

  it('moves a refused request, body and all, to the other core and leaves the refusing one out', async () => {
    const t = twoCores({ a: refused, b: ok });
    const res = await t.send('/checkout', { method: 'POST', body: '{"x":1}' });
    expect(await res.text()).toBe('ok');
    await t.send('/cart');
    await t.send('/cart');
    expect(t.asked).toEqual(['a POST /checkout', 'b POST /checkout', 'b GET /cart', 'b GET /cart']);
    expect(t.bodies).toEqual(['{"x":1}', '{"x":1}']);
  });

  it('gives a connection lost mid-request back to the caller (it may have been served) and marks the core down', async () => {
    const t = twoCores({ a: lost, b: ok });
    await expect(t.send('/payment', { method: 'POST', body: '{}' })).rejects.toThrow('fetch failed');
    await t.send('/cart');
    await t.send('/cart');
    expect(t.asked).toEqual(['a POST /payment', 'b GET /cart', 'b GET /cart']);
  });

  it('does not mark a core down for a timeout', async () => {
    const answers = [timeout, ok, ok];
    const t = twoCores({ a: () => answers.shift()!(), b: ok });
    await expect(t.send('/cart')).rejects.toThrow('timed out');
    await t.send('/cart');
    await t.send('/cart');
    expect(t.asked).toEqual(['a GET /cart', 'b GET /cart', 'a GET /cart']);
  });

  it('probes a down core on /health once its wait has passed, and sends to it again when it answers', async () => {
    let aAlive = false;
    const t = twoCores({ a: () => (aAlive ? ok() : refused()), b: ok });
    await t.send('/cart');
    aAlive = true;
    await t.send('/cart');
    t.advance(1000);
    await t.send('/cart');
    await new Promise((r) => setTimeout(r, 0));
    await t.send('/cart');
    await t.send('/cart');
    expect(t.asked).toEqual(['a GET /cart', 'b GET /cart', 'b GET /cart', 'a GET /health', 'b GET /cart', 'a GET /cart', 'b GET /cart']);
  });

  it('tries every core when all are down, then fails with the last error', async () => {
    const t = twoCores({ a: refused, b: refused });
    await expect(t.send('/cart')).rejects.toThrow('fetch failed');
    expect(t.asked).toEqual(['a GET /cart', 'b GET /cart']);
  });

  it('passes a request for another origin through untouched', async () => {
    const t = twoCores({ a: ok, b: ok });
    await t.send('/cart', {}, 'http://another.host');
    await t.send('/cart', {}, 'http://another.host');
    expect(t.asked).toEqual(['a GET /cart', 'a GET /cart']);
  });
});
