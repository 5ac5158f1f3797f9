import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CORE_SERVICE_TOKEN_HEADER } from '../../openapi/internal/service-auth.ts';
import { credentialMatches, serviceAuth, serviceAuthRefusal } from './service-auth.ts';

const TOKEN = 'a-long-random-service-credential-0123456789';

describe('credentialMatches', () => {
  it.each([
    [TOKEN, true],
    [`${TOKEN}x`, false],
    [TOKEN.slice(0, -1), false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (presented, expected) => expect(credentialMatches(TOKEN, presented)).toBe(expected));
});

describe('serviceAuthRefusal', () => {
  it.each([
    ['development without a token', { NODE_ENV: 'development' as const }, null],
    ['production with a token', { NODE_ENV: 'production' as const, CORE_SERVICE_TOKEN: TOKEN }, null],
    ['production without a token', { NODE_ENV: 'production' as const }, /CORE_SERVICE_TOKEN/],
  ])('%s', (_n, s, expected) => {
    const refusal = serviceAuthRefusal(s);
    if (expected) expect(refusal).toMatch(expected);
    else expect(refusal).toBeNull();
  });
});

describe('serviceAuth', () => {
  const app = (token?: string) => {
    const a = new Hono();
    a.use(serviceAuth({ NODE_ENV: 'production', CORE_SERVICE_TOKEN: token }));
    a.get('/health', (c) => c.text('ok'));
    a.get('/cart', (c) => c.text('cart'));
    return a;
  };
  const get = (path: string, credential?: string) => app(TOKEN).request(path, { headers: credential ? { [CORE_SERVICE_TOKEN_HEADER]: credential } : {} });

  it.each([
    ['/cart', TOKEN, 200],
    ['/cart', undefined, 403],
    ['/cart', 'wrong-credential', 403],
    ['/health', undefined, 200],
  ])('%s with %j → %i', async (path, credential, status) => expect((await get(path, credential)).status).toBe(status));

  it('refuses with a problem', async () => {
    const res = await get('/cart');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 403, type: 'https://problems.commerce.local/forbidden' });
  });

  it('stops core at start in production without a token', () => {
    expect(() => app()).toThrow(/CORE_SERVICE_TOKEN/);
  });

  it('checks nothing when no token is set outside production', async () => {
    const a = new Hono();
    a.use(serviceAuth({ NODE_ENV: 'development' }));
    a.get('/cart', (c) => c.text('cart'));
    expect((await a.request('/cart')).status).toBe(200);
  });
});
