import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import type { EdgeEnv } from '../context.ts';
import { API_SECURITY_HEADERS, commonHeadersMiddleware, createCommonHeaders, DOCUMENT_SECURITY_HEADERS, requestIdFor } from './common-headers.ts';
import type { CorsOptions } from './cors.ts';

const listed: CorsOptions = { origins: ['https://shop.example'], exposeHeaders: ['X-Request-Id', 'ETag'], maxAgeSeconds: 600 };

describe('requestIdFor', () => {
  it.each([
    ['abc-123_x=', 'abc-123_x='],
    [undefined, 'generated'],
    [null, 'generated'],
    ['', 'generated'],
    ['has space', 'generated'],
    ['<script>', 'generated'],
    ['a'.repeat(256), 'generated'],
    ['a'.repeat(255), 'a'.repeat(255)],
  ])('%j → %j', (incoming, expected) => {
    expect(requestIdFor(incoming, () => 'generated')).toBe(expected);
  });
});

describe('security headers', () => {
  it('of the HTML page are the ones Hono’s secureHeaders() sets by default', async () => {
    const res = await new Hono()
      .use('*', secureHeaders())
      .get('/', (c) => c.text('x'))
      .request('/');
    const fromHono = Object.fromEntries([...res.headers].filter(([k]) => k !== 'content-type'));
    const ours = Object.fromEntries(Object.entries(DOCUMENT_SECURITY_HEADERS).map(([k, v]) => [k.toLowerCase(), v]));
    expect(ours).toEqual(fromHono);
  });

  it('of API responses forbid loading, framing and sniffing them', () => {
    expect(API_SECURITY_HEADERS['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(API_SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(API_SECURITY_HEADERS['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
  });
});

describe('createCommonHeaders', () => {
  it.each([
    ['any origin', { ...listed, origins: '*' } as CorsOptions, 'https://x.example', { 'Access-Control-Allow-Origin': '*' }],
    ['listed origin', listed, 'https://shop.example', { 'Access-Control-Allow-Origin': 'https://shop.example', Vary: 'Origin' }],
    ['unlisted origin', listed, 'https://evil.example', { Vary: 'Origin' }],
    ['no origin', listed, undefined, { Vary: 'Origin' }],
  ])('%s', (_name, cors, origin, expected) => {
    const common = createCommonHeaders(cors);
    expect(common.addRequest({ ...common.fixed }, 'rid', origin)).toEqual({
      ...API_SECURITY_HEADERS,
      'X-Request-Id': 'rid',
      'Access-Control-Expose-Headers': 'X-Request-Id,ETag',
      ...expected,
    });
  });
});

describe('common headers middleware', () => {
  const app = new Hono<EdgeEnv>()
    .use('*', commonHeadersMiddleware(createCommonHeaders(listed), listed))
    .get('/own', () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json', 'x-own': '1' } }))
    .get('/plain', (c) => c.json({ ok: true }, 200, { Vary: 'Accept-Encoding' }))
    .get('/page', (c) => c.html('<p>docs</p>'));

  it.each(['/own', '/plain'])('%s carries the request id, CORS and the API security headers', async (path) => {
    const res = await app.request(path, { headers: { origin: 'https://shop.example', 'x-request-id': 'req-1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-1');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-Request-Id,ETag');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives an HTML page the document headers instead, and no API CSP (it loads a script)', async () => {
    const res = await app.request('/page', { headers: { origin: 'https://shop.example' } });
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('keeps a handler’s own headers and Vary', async () => {
    const own = await app.request('/own');
    expect(own.headers.get('x-own')).toBe('1');
    expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const plain = await app.request('/plain');
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(plain.headers.get('vary')).toMatch(/Origin/);
    expect(await plain.json()).toEqual({ ok: true });
  });

  it('answers preflights with the allowed methods, max age and a request id', async () => {
    const res = await app.request('/plain', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('vary')).toBe('Origin');
  });
});
