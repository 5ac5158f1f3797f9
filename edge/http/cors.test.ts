import { describe, expect, it } from 'vitest';
import { allowedOrigin, fixedCorsHeaders, parseCorsOrigins, type CorsOptions } from './cors.ts';

const any: CorsOptions = { origins: '*', exposeHeaders: ['X-Request-Id', 'ETag'], maxAgeSeconds: 600 };
const listed: CorsOptions = { ...any, origins: ['https://shop.example', 'https://m.shop.example'] };

describe('CORS headers', () => {
  it.each([
    ['any origin', any, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'X-Request-Id,ETag' }],
    ['a list', listed, { 'Access-Control-Expose-Headers': 'X-Request-Id,ETag', Vary: 'Origin' }],
    ['a list, nothing exposed', { ...listed, exposeHeaders: [] }, { Vary: 'Origin' }],
  ])('fixed part with %s', (_name, opts, expected) => {
    expect(fixedCorsHeaders(opts)).toEqual(expected);
  });

  it.each([
    ['any origin, with Origin', any, 'https://x.example', undefined],
    ['listed origin', listed, 'https://m.shop.example', 'https://m.shop.example'],
    ['unlisted origin', listed, 'https://evil.example', undefined],
    ['list, no Origin', listed, undefined, undefined],
  ])('allowed origin: %s', (_name, opts, origin, expected) => {
    expect(allowedOrigin(origin, opts)).toBe(expected);
  });

  it.each([
    ['*', '*'],
    ['https://a.example, https://b.example,', ['https://a.example', 'https://b.example']],
  ])('parses %j', (setting, expected) => {
    expect(parseCorsOrigins(setting)).toEqual(expected);
  });
});
