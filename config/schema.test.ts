import { describe, expect, it } from 'vitest';
import { coreUrls, hostPort, parseEnv } from './schema.ts';

describe('parseEnv', () => {
  it('fills the local defaults of DESIGN.md', () => {
    const env = parseEnv({});
    expect([env.POSTGRES_PORT, env.REDIS_PORT, env.UPSTASH_REDIS_REST_URL, env.KAFKA_BROKERS, env.ELASTICSEARCH_URL, env.CORE_URL, env.EDGE_URL]).toEqual([
      54320,
      63790,
      'http://127.0.0.1:8079',
      '127.0.0.1:19092',
      'http://127.0.0.1:19200',
      'http://127.0.0.1:8788',
      'http://127.0.0.1:8787',
    ]);
  });

  it('takes payments with the sandbox provider unless PAYMENT_PROVIDER names another', () => {
    expect(parseEnv({}).PAYMENT_PROVIDER).toBe('sandbox');
    expect(parseEnv({ PAYMENT_PROVIDER: 'acme' }).PAYMENT_PROVIDER).toBe('acme');
    expect(() => parseEnv({ PAYMENT_PROVIDER: '' })).toThrow(/PAYMENT_PROVIDER/);
  });

  it('ignores variables it does not know (CI machines set plenty)', () => {
    expect(() => parseEnv({ CI: 'true', HOME: '/root', GITHUB_ACTIONS: 'true' })).not.toThrow();
  });

  it('accepts its own output again, as the edge does with bindings built from a parsed config', () => {
    const once = parseEnv({ POSTGRES_PORT: '6000', LOG_LEVEL: 'debug' });
    expect(parseEnv(once)).toEqual(once);
  });

  it('names each invalid setting', () => {
    expect(() => parseEnv({ POSTGRES_PORT: 'abc', ELASTICSEARCH_URL: 'not a url' })).toThrow(
      /POSTGRES_PORT[\s\S]*ELASTICSEARCH_URL|ELASTICSEARCH_URL[\s\S]*POSTGRES_PORT/,
    );
  });
});

describe('hostPort', () => {
  it.each([
    ['127.0.0.1:19092', { host: '127.0.0.1', port: 19092 }],
    ['http://127.0.0.1:8079', { host: '127.0.0.1', port: 8079 }],
  ])('%s', (address, expected) => expect(hostPort(address)).toEqual(expected));
});

describe('coreUrls', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['CORE_URL alone by default', {}, ['http://127.0.0.1:8788']],
    ['CORE_URLS when set', { CORE_URL: 'http://a:1', CORE_URLS: 'http://a:1, http://b:2' }, ['http://a:1', 'http://b:2']],
  ])('%s', (_, source, urls) => {
    expect(coreUrls(parseEnv(source))).toEqual(urls);
  });

  it('refuses a list with something other than URLs', () => {
    expect(() => parseEnv({ CORE_URLS: 'http://a:1,not a url' })).toThrow(/CORE_URLS/);
  });
});
