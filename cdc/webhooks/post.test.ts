import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { publicOnlyLookup, type ResolveAll } from './post.ts';

const answering =
  (addresses: LookupAddress[], err: NodeJS.ErrnoException | null = null): ResolveAll =>
  (_hostname, callback) =>
    callback(err, addresses);

type Answer = { err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };
const ask = (resolve: ResolveAll, options: LookupOptions) =>
  new Promise<Answer>((done) => publicOnlyLookup(resolve)('hooks.example', options, (err, address, family) => done({ err, address, family })));

const PUBLIC_V4 = { address: '93.184.216.34', family: 4 };
const PUBLIC_V6 = { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 };

describe('publicOnlyLookup', () => {
  it('answers with the public addresses, all of them or the first of the family asked for', async () => {
    expect(await ask(answering([PUBLIC_V4, PUBLIC_V6]), { all: true })).toEqual({ err: null, address: [PUBLIC_V4, PUBLIC_V6], family: undefined });
    expect(await ask(answering([PUBLIC_V4, PUBLIC_V6]), {})).toEqual({ err: null, address: PUBLIC_V4.address, family: 4 });
    expect(await ask(answering([PUBLIC_V4, PUBLIC_V6]), { family: 6 })).toEqual({ err: null, address: PUBLIC_V6.address, family: 6 });
    expect(await ask(answering([PUBLIC_V4]), { family: 6 })).toMatchObject({ err: { code: 'ENOTFOUND' } });
  });

  it.each([
    ['loopback', '127.0.0.1', 4],
    ['private', '10.1.2.3', 4],
    ['link-local (cloud metadata)', '169.254.169.254', 4],
    ['IPv6 loopback', '::1', 6],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1', 6],
  ])('refuses the connection when any address is %s', async (_kind, address, family) => {
    const answer = await ask(answering([PUBLIC_V4, { address, family }]), { all: true });
    expect(answer.err).toMatchObject({ code: 'EADDRNOTALLOWED', message: `hooks.example resolves to ${address}: address not allowed` });
  });

  it('refuses a name with no address, and passes the resolver’s own error on', async () => {
    expect((await ask(answering([]), {})).err).toMatchObject({ code: 'EADDRNOTALLOWED' });
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example'), { code: 'ENOTFOUND' });
    expect((await ask(answering([], notFound), {})).err).toBe(notFound);
  });
});
