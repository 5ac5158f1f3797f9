import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_JWT_PUBLIC_KEYS } from '../config/dev-keys.ts';
import { childEnv, repoRoot } from '../config/index.ts';
import { createWorkerGuard } from '../edge/worker-refusal.ts';
import { freePort } from './support/servers.ts';

// Production mode refuses default, well-known and short secrets at start: each Node entry exits
// 78 naming the setting before it opens any connection, the Worker answers 500 "misconfigured".
function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    priv: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }),
    jwks: JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid }] }),
  };
}
const own = keyPair('prod-1');
const strong = 'Zq8v1Lx3Rk7Tb2Nw9Yc4Hm6Pd0Fs5Gj1';
// Should a guard be missing, the service must not take the ports of what the stack serves.
const [edgePort, bridgePort, limitsPort] = await Promise.all([freePort(), freePort(), freePort()]);
const safeProduction = {
  NODE_ENV: 'production',
  EDGE_URL: `http://127.0.0.1:${edgePort}`,
  UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${bridgePort}`,
  RATE_LIMIT_REDIS_REST_URL: `http://127.0.0.1:${limitsPort}`,
  JWT_PRIVATE_KEY: own.priv,
  JWT_PUBLIC_KEYS: own.jwks,
  POSTGRES_PASSWORD: strong,
  UPSTASH_REDIS_REST_TOKEN: strong,
  RATE_LIMIT_REDIS_REST_TOKEN: `${strong}-limits`,
};

function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, entry)], { cwd: repoRoot, env: childEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('a Node service in production refuses an unsafe secret and names it', () => {
  it('core on every default names the keys and the database password', async () => {
    const { code, stderr } = await run('core/main.ts', { NODE_ENV: 'production' });
    expect(code).toBe(78);
    expect(stderr).toMatch(/JWT_PRIVATE_KEY is the committed development key/);
    expect(stderr).toMatch(/JWT_PUBLIC_KEYS trusts the committed development key/);
    expect(stderr).toMatch(/POSTGRES_PASSWORD is the default/);
  });

  // Each case: safe production settings but one; `undefined` leaves the setting to its default.
  it.each([
    ['core/main.ts', 'JWT_PRIVATE_KEY', { JWT_PRIVATE_KEY: undefined }],
    ['core/main.ts', 'POSTGRES_PASSWORD', { POSTGRES_PASSWORD: undefined }],
    ['core/main.ts', 'ADMIN_PASSWORD', { ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'change-me-please' }],
    ['cdc/relay/main.ts', 'POSTGRES_PASSWORD', { POSTGRES_PASSWORD: 'short-pass-123' }],
    ['cdc/indexer/main.ts', 'UPSTASH_REDIS_REST_TOKEN', { UPSTASH_REDIS_REST_TOKEN: undefined }],
    ['edge/node.ts', 'JWT_PUBLIC_KEYS', { JWT_PUBLIC_KEYS: DEV_JWT_PUBLIC_KEYS }],
    ['edge/node.ts', 'UPSTASH_REDIS_REST_TOKEN', { UPSTASH_REDIS_REST_TOKEN: 'password' }],
    ['edge/node.ts', 'RATE_LIMIT_REDIS_REST_TOKEN', { RATE_LIMIT_REDIS_REST_TOKEN: undefined }],
    ['stack/upstash/main.ts', 'UPSTASH_REDIS_REST_TOKEN', { UPSTASH_REDIS_REST_TOKEN: 'abcdefgh' }],
  ])('%s names %s', async (entry, setting, unsafe: Record<string, string | undefined>) => {
    const env = Object.fromEntries(Object.entries({ ...safeProduction, ...unsafe }).filter((e): e is [string, string] => e[1] !== undefined));
    const { code, stderr } = await run(entry, env);
    expect(code).toBe(78);
    const line = JSON.parse(stderr.trim().split('\n').at(-1)!) as { msg: string };
    expect(line.msg).toMatch(new RegExp(`^refusing to run in production: ${setting} `));
    expect(line.msg.split('; ')).toHaveLength(1);
  });
});

describe('core refuses keys that cannot work together, in any mode', () => {
  it('exits naming JWT_PUBLIC_KEYS when it does not list the signing key', async () => {
    const { code, stderr } = await run('core/main.ts', { JWT_PRIVATE_KEY: own.priv, JWT_PUBLIC_KEYS: keyPair('other').jwks });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/JWT_PUBLIC_KEYS does not list the public key of JWT_PRIVATE_KEY \(kid prod-1\)/);
  });
});

describe('the Worker in production with an unsafe secret', () => {
  it('answers every request 500 "misconfigured" naming the setting, and serves nothing', async () => {
    // edge/worker.ts answers with this guard before building the edge (the module itself imports the
    // docs bundle as text, which only wrangler's bundler can load).
    const refuse = createWorkerGuard();
    for (let request = 0; request < 2; request++) {
      const res = refuse({ NODE_ENV: 'production', JWT_PUBLIC_KEYS: own.jwks });
      if (!res) throw new Error('the Worker would serve with default secrets');
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = (await res.json()) as { type: string; detail: string };
      expect(body.type).toMatch(/misconfigured$/);
      expect(body.detail).toBe(
        'refusing to run in production: UPSTASH_REDIS_REST_TOKEN is the default of config/schema.ts; RATE_LIMIT_REDIS_REST_TOKEN is the default of config/schema.ts',
      );
    }
  });
});
