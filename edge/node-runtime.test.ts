import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './cache/etag.ts';
import { nodeRequestHeader, nodeSha256 } from './node-runtime.ts';

describe('nodeSha256', () => {
  it.each(['', '{"a":1}', 'héllo ✓ — 𝄞', 'x'.repeat(20_000)])('equals Web Crypto’s digest for %j', async (text) => {
    expect(await nodeSha256(text)).toBe(await sha256Hex(text));
  });

  it('is the known digest of "abc"', async () => {
    expect(await nodeSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('nodeRequestHeader', () => {
  // Raw header lines as a client may send them: padded, repeated, absent.
  const raw = [
    'Origin:  https://shop.example  ',
    'If-None-Match: W/"a"',
    'If-None-Match: "b"',
    'Cookie: a=1',
    'cookie: b=2',
    'X-Request-Id: req-7',
    'X-Request-Id: req-8',
  ];
  const names = ['origin', 'if-none-match', 'cookie', 'x-request-id', 'cf-connecting-ip'];

  it('reads what the Request’s Headers read, from the headers Node parsed', async () => {
    const seen: { name: string; node: string | undefined; fetch: string | undefined }[] = [];
    const server = createServer(
      getRequestListener((request, env) => {
        for (const name of names) seen.push({ name, node: nodeRequestHeader(request, env, name), fetch: request.headers.get(name) ?? undefined });
        return new Response('ok');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    socket.write(`GET /products/p1 HTTP/1.1\r\nHost: 127.0.0.1\r\n${raw.join('\r\n')}\r\nConnection: close\r\n\r\n`);
    await new Promise((resolve) => socket.on('close', resolve).resume());
    server.close();
    expect(seen.map((s) => s.name)).toEqual(names);
    for (const s of seen) expect(s.node, s.name).toBe(s.fetch);
    expect(seen.find((s) => s.name === 'cookie')?.node).toBe('a=1; b=2');
  });

  it('falls back to the Request’s Headers without a Node request', () => {
    const request = new Request('http://edge.example/', { headers: { origin: 'https://shop.example' } });
    expect(nodeRequestHeader(request, undefined, 'origin')).toBe('https://shop.example');
    expect(nodeRequestHeader(request, {}, 'cookie')).toBeUndefined();
  });
});
