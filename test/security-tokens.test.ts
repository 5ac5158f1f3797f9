import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { childEnv, loadConfig } from '../config/index.ts';
import { createEdge } from '../edge/app.ts';
import { nodeEdgeOptions } from '../edge/node-runtime.ts';
import { makeUsers, startCore, type Core, type TestUser } from './core-harness.ts';
import { serviceLog } from './support/test-logs.ts';

// The edge verifies core's Ed25519 tokens with the public keys of JWT_PUBLIC_KEYS only, chosen
// by kid: during a rotation both keys are accepted, a key removed from the set no longer is, and
// foreign or expired tokens stop at the edge with 401.
type Pair = { kid: string; priv: string; pub: object; key: KeyObject };
function keyPair(kid: string): Pair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid, priv: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }), pub: { ...publicKey.export({ format: 'jwk' }), kid }, key: privateKey };
}
const old = keyPair('2025-old');
const next = keyPair('2025-next');
const stranger = keyPair('2025-old');
const jwks = (...pairs: Pair[]) => JSON.stringify({ keys: pairs.map((p) => p.pub) });

let core: Core;
let user: TestUser;
beforeAll(async () => {
  // core mid-rotation: signs with the next key, accepts both
  core = await startCore({ JWT_PRIVATE_KEY: next.priv, JWT_PUBLIC_KEYS: jwks(old, next) });
  [user] = (await makeUsers(core.sql, 1)) as [TestUser];
});
afterAll(() => core.stop());

const edgeTrusting = (...pairs: Pair[]) =>
  createEdge(
    { ...loadConfig(childEnv()), CORE_URL: core.url, JWT_PUBLIC_KEYS: jwks(...pairs) },
    { ...nodeEdgeOptions, clientIp: () => '127.0.0.1', logSink: serviceLog('edge-node').write },
  );

const now = () => Math.floor(Date.now() / 1000);
const token = (pair: Pair, claims: { iat?: number; exp?: number } = {}, key = pair.key) =>
  new SignJWT({ role: 'customer' })
    .setProtectedHeader({ alg: 'EdDSA', kid: pair.kid })
    .setSubject(user.id)
    .setIssuer('commerce-core')
    .setIssuedAt(claims.iat ?? now())
    .setExpirationTime(claims.exp ?? now() + 600)
    .sign(key);
const orders = (edge: ReturnType<typeof createEdge>, t: string) => edge.request('/orders', { headers: { authorization: `Bearer ${t}` } });

describe('the edge during a key rotation', () => {
  it('accepts tokens of both listed keys, and core answers them', async () => {
    const edge = edgeTrusting(old, next);
    for (const pair of [old, next]) expect((await orders(edge, await token(pair))).status).toBe(200);
  });

  it('refuses a key once it is removed from the set', async () => {
    const edge = edgeTrusting(next);
    const r = await orders(edge, await token(old));
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect((await orders(edge, await token(next))).status).toBe(200);
  });
});

describe('the edge refuses with 401 before core sees it', () => {
  it.each([
    ['a token signed by a key not in the JWKS, under a listed kid', () => token(stranger, {}, stranger.key)],
    ['a token of an unknown kid', () => token(keyPair('unknown'))],
    ['an expired token', () => token(next, { iat: now() - 7200, exp: now() - 3600 })],
  ])('%s', async (_name, make) => {
    const r = await orders(edgeTrusting(old, next), await make());
    expect(r.status).toBe(401);
    expect(((await r.json()) as { type: string }).type).toMatch(/unauthorized$/);
  });

  it('an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: next.kid })
      .setSubject(user.id)
      .setIssuer('commerce-core')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode((next.pub as { x: string }).x));
    expect((await orders(edgeTrusting(old, next), forged)).status).toBe(401);
  });
});

describe('the JWKS', () => {
  it('is published by core and through the edge, public keys only', async () => {
    const direct = await core.call('GET', '/.well-known/jwks.json');
    expect(direct.status).toBe(200);
    expect(direct.body.keys.map((k: { kid: string }) => k.kid)).toEqual([old.kid, next.kid]);
    expect(JSON.stringify(direct.body)).not.toContain('"d"');
    const viaEdge = await edgeTrusting(old, next).request('/.well-known/jwks.json');
    expect(viaEdge.status).toBe(200);
    expect(await viaEdge.json()).toEqual(direct.body);
  });
});
