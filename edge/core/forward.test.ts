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
});
