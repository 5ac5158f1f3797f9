import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { EdgeEnv } from '../context.ts';
import { createLogger } from '../log.ts';
import { accessLog } from './access-log.ts';

describe('access log', () => {
  const lines: Record<string, unknown>[] = [];
  const app = new Hono<EdgeEnv>()
    .use('*', (c, next) => {
      c.set('requestId', 'req-1');
      return next();
    })
    .use('*', accessLog(createLogger('info', { service: 'edge' }, (l) => lines.push(JSON.parse(l)))))
    .get('/cached', () => new Response('{}', { headers: { 'content-type': 'application/json', 'x-cache': 'MISS' } }))
    .get('/plain', (c) => c.json({}, 201));

  it.each([
    ['/cached', 200, 'MISS'],
    ['/plain', 201, undefined],
  ])('%s: one line with the status and the X-Cache the response carries', async (path, status, cache) => {
    lines.length = 0;
    await app.request(path);
    expect(lines).toEqual([expect.objectContaining({ msg: 'request', request_id: 'req-1', method: 'GET', path, status })]);
    expect(lines[0]!.cache).toBe(cache);
  });
});
