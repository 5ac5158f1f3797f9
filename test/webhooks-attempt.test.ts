import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptDelivery } from '../cdc/webhooks/send.ts';
import type { WebhookEvent } from '../openapi/schemas/webhook-events.ts';

// One delivery attempt (cdc/webhooks/send.ts) against receivers on loopback: what it sends, how
// each failure reads, and that in production the connection itself refuses an address the URL
// rule does not allow, whatever the rule's own lookup was told (DNS rebinding).
type Seen = { headers: IncomingMessage['headers']; body: string };
let server: Server;
let port = 0;
let connections = 0;
const seen: Seen[] = [];
const sockets = new Set<Socket>();
let answer: (res: import('node:http').ServerResponse) => void = (res) => res.end();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      answer(res);
    });
  });
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const event: WebhookEvent = { id: `evt_${randomUUID()}`, type: 'order.paid', created: 1_700_000_000, data: { order: { id: 'o1' } } } as unknown as WebhookEvent;
const attempt = (over: Partial<Parameters<typeof attemptDelivery>[0]> = {}) =>
  attemptDelivery({
    url: `http://127.0.0.1:${port}/hook`,
    secret: 'whsec_test',
    event,
    production: false,
    timeoutMs: 2_000,
    shutdown: new AbortController().signal,
    ...over,
  });

describe('a delivery attempt', () => {
  it('posts the signed event and counts a 2xx as delivered', async () => {
    answer = (res) => res.writeHead(204).end();
    const before = seen.length;
    const result = await attempt();
    expect(result).toMatchObject({ delivered: true, statusCode: 204, error: null });
    const got = seen[before]!;
    expect(JSON.parse(got.body)).toEqual({ id: event.id, type: event.type, created: event.created, data: event.data });
    expect(got.headers).toMatchObject({ 'content-type': 'application/json', 'webhook-id': event.id, 'content-length': String(Buffer.byteLength(got.body)) });
    expect(got.headers['webhook-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('reads a non-2xx, a redirect, a refused connection, a timeout and a stop as failures', async () => {
    answer = (res) => res.writeHead(503).end('busy');
    expect(await attempt()).toMatchObject({ delivered: false, statusCode: 503, error: 'HTTP 503' });
    answer = (res) => res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end();
    expect(await attempt()).toMatchObject({ delivered: false, statusCode: 302, error: 'HTTP 302' });
    expect(await attempt({ url: 'http://127.0.0.1:1/hook' })).toMatchObject({ delivered: false, statusCode: null, error: 'connection failed: ECONNREFUSED' });
    answer = () => {};
    expect(await attempt({ timeoutMs: 200 })).toMatchObject({ delivered: false, error: 'timeout after 200 ms' });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    expect(await attempt({ shutdown: stop.signal })).toMatchObject({ delivered: false, error: 'aborted: sender stopping' });
  });

  it('in production, connects only to addresses the rule allows: a name checked as public that then resolves to loopback gets no connection', async () => {
    answer = (res) => res.writeHead(204).end();
    const before = connections;
    const result = await attempt({
      url: `https://rebind.example:${port}/hook`,
      production: true,
      resolve: { check: async () => ['93.184.216.34'], connect: (_host, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]) },
    });
    expect(result).toMatchObject({ delivered: false, statusCode: null, error: 'rebind.example resolves to 127.0.0.1: address not allowed' });
    expect(connections).toBe(before);
  });
});
