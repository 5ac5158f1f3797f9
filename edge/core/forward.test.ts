import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CORE_SERVICE_TOKEN_HEADER } from '../../openapi/internal/service-auth.ts';
import { createLogger } from '../log.ts';
import { createForwarder } from './forward.ts';

describe('createForwarder', () => {
  const seen = async (serviceToken: string | undefined, clientHeaders: Record<string, string> = {}) => {
    let forwarded: Headers | undefined;
    const forward = createForwarder({
      coreUrl: 'http://core.internal',
      timeoutMs: 1000,
      fetchCore: async (req) => {
        forwarded = req.headers;
        return new Response('{}', { status: 200 });
      },
      log: createLogger('error', {}, () => {}),
      serviceToken,
    });
    const app = new Hono<{ Variables: { requestId: string } }>();
    app.use(async (c, next) => {
      c.set('requestId', 'req-1');
      await next();
    });
    app.all('*', (c) => forward(c, '203.0.113.9'));
    await app.request('/cart', { headers: clientHeaders });
    return forwarded!;
  };

  it('sends the service credential when one is set', async () => {
    expect((await seen('edge-credential')).get(CORE_SERVICE_TOKEN_HEADER)).toBe('edge-credential');
  });

  it('never passes on a credential a client sent', async () => {
    expect((await seen(undefined, { [CORE_SERVICE_TOKEN_HEADER]: 'forged' })).get(CORE_SERVICE_TOKEN_HEADER)).toBeNull();
    expect((await seen('edge-credential', { [CORE_SERVICE_TOKEN_HEADER]: 'forged' })).get(CORE_SERVICE_TOKEN_HEADER)).toBe('edge-credential');
  });

  const lostFirst = async (init: RequestInit, losses: number) => {
    let calls = 0;
    const forward = createForwarder({
      coreUrl: 'http://core.internal',
      timeoutMs: 1000,
      fetchCore: async () => {
        calls++;
        if (calls <= losses) throw new TypeError('Network connection lost.');
        return new Response('{}', { status: 200 });
      },
      log: createLogger('error', {}, () => {}),
    });
    const app = new Hono<{ Variables: { requestId: string } }>();
    app.use(async (c, next) => {
      c.set('requestId', 'req-1');
      await next();
    });
    app.all('*', (c) => forward(c, '203.0.113.9'));
    const res = await app.request('/checkout', init);
    return { status: res.status, calls };
  };

  it.each([
    ['a read lost once is sent again', { method: 'GET' }, 1, { status: 200, calls: 2 }],
    ['a keyed write lost twice is sent a third time', { method: 'POST', body: '{}', headers: { 'idempotency-key': 'k1' } }, 2, { status: 200, calls: 3 }],
    ['a read lost three times is 503', { method: 'GET' }, 3, { status: 503, calls: 3 }],
    ['a write without a key is never sent twice', { method: 'POST', body: '{}' }, 1, { status: 503, calls: 1 }],
  ])('%s', async (_, init, losses, expected) => {
    expect(await lostFirst(init, losses)).toEqual(expected);
  });
});
