import { describe, expect, it } from 'vitest';
import { createHotReads } from '../cache/hot-reads.ts';
import { createLogger } from '../log.ts';
import { createCommonHeaders } from './common-headers.ts';
import { createHotFront } from './hot-front.ts';

const cors = { origins: ['https://shop.example'], exposeHeaders: ['X-Request-Id'], maxAgeSeconds: 600 };

function setup() {
  const common = createCommonHeaders(cors);
  const hot = createHotReads({ ttlMs: 60_000, maxBytes: 1_000_000 })!;
  const lines: Record<string, unknown>[] = [];
  const front = createHotFront(
    hot,
    common,
    createLogger('info', { service: 'edge' }, (l) => lines.push(JSON.parse(l))),
  );
  hot.set('/products/p1', {
    etag: 'W/"e1"',
    body: '{"id":"p1"}',
    headers: { ...common.fixed, 'content-type': 'application/json', etag: 'W/"e1"', 'x-cache': 'HIT' },
  });
  return { front, lines };
}

describe('hot front', () => {
  it('answers a GET of a kept URL with its body, headers, the request id, CORS and an access-log line', async () => {
    const { front, lines } = setup();
    const res = front(new Request('http://edge.example/products/p1', { headers: { origin: 'https://shop.example', 'x-request-id': 'req-7' } }))!;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"id":"p1"}');
    expect(res.headers.get('x-cache')).toBe('HIT');
    expect(res.headers.get('etag')).toBe('W/"e1"');
    expect(res.headers.get('x-request-id')).toBe('req-7');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('vary')).toBe('Origin');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(lines).toEqual([expect.objectContaining({ msg: 'request', request_id: 'req-7', method: 'GET', path: '/products/p1', status: 200, cache: 'HIT' })]);
  });

  it('answers a matching If-None-Match with 304 and no body, and gives an unlisted origin no CORS grant', async () => {
    const { front } = setup();
    const res = front(new Request('http://edge.example/products/p1', { headers: { 'if-none-match': 'W/"e1"', origin: 'https://evil.example' } }))!;
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['another method', new Request('http://edge.example/products/p1', { method: 'DELETE' })],
    ['another query', new Request('http://edge.example/products/p1?x=1')],
    ['another path', new Request('http://edge.example/products/p2')],
  ])('leaves %s to the app', (_name, request) => {
    const { front, lines } = setup();
    expect(front(request)).toBeUndefined();
    expect(lines).toEqual([]);
  });
});
