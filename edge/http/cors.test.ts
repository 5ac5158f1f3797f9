import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cors, corsHeaders, parseCorsOrigins, type CorsOptions } from './cors.ts';

const any: CorsOptions = { origins: '*', exposeHeaders: ['X-Request-Id', 'ETag'], maxAgeSeconds: 600 };
const listed: CorsOptions = { ...any, origins: ['https://shop.example', 'https://m.shop.example'] };

describe('corsHeaders', () => {
  it.each([
    ['any origin, with Origin', any, 'https://x.example', [['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', 'X-Request-Id,ETag']]],
    ['any origin, no Origin', any, undefined, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', 'X-Request-Id,ETag']]],
    ['listed origin', listed, 'https://m.shop.example', [['Access-Control-Allow-Origin', 'https://m.shop.example'], ['Access-Control-Expose-Headers', 'X-Request-Id,ETag']]],
    ['unlisted origin', listed, 'https://evil.example', [['Access-Control-Expose-Headers', 'X-Request-Id,ETag']]],
    ['list, no Origin', listed, undefined, [['Access-Control-Expose-Headers', 'X-Request-Id,ETag']]],
    ['nothing exposed', { ...any, exposeHeaders: [] }, 'https://x.example', [['Access-Control-Allow-Origin', '*']]],
  ] as const)('%s', (_name, opts, origin, expected) => {
    expect(corsHeaders(origin, opts as CorsOptions)).toEqual(expected);
  });

  it.each([
    ['*', '*'],
    ['https://a.example', ['https://a.example']],
    [' https://a.example , https://b.example ,', ['https://a.example', 'https://b.example']],
  ] as const)('parses the origins setting %j', (setting, expected) => {
    expect(parseCorsOrigins(setting)).toEqual(expected);
  });
});

describe('cors middleware', () => {
  const app = new Hono()
    .use('*', cors(listed))
    .get('/r', (c) => c.json({ ok: true }, 200, { Vary: 'Accept-Encoding' }));

  it('adds the headers to the handler’s own response, keeping its Vary', async () => {
    const res = await app.request('/r', { headers: { origin: 'https://shop.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-Request-Id,ETag');
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers preflights with the allowed methods and max age', async () => {
    const res = await app.request('/r', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });
});
