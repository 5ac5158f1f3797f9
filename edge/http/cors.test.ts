import { describe, expect, it } from 'vitest';
import { corsHeaders, parseCorsOrigins, type CorsOptions } from './cors.ts';

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
