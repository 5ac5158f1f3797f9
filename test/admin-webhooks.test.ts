import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_SERVICE_TOKEN_HEADER } from '../openapi/internal/service-auth.ts';
import { makeUsers, startCore, type Core, type Reply, type TestUser } from './core-harness.ts';

// Webhook endpoints in the operator API: admin only, every change audited exactly once, the
// signing secret shown only by create and rotate-secret, the delivery log and redelivery (on
// rows written here with SQL: the sender is cdc/'s), and the production URL rule.
let core: Core;
let prod: Core;
let admin: TestUser;
const others: Record<'customer' | 'catalog' | 'support', TestUser> = {} as never;
// Nothing listens on the discard port: a sender that picks these deliveries up fails harmlessly.
const receiver = 'http://127.0.0.1:9/hook';
const SERVICE_TOKEN = `test-service-${randomUUID()}`;

beforeAll(async () => {
  core = await startCore();
  prod = await startCore({ NODE_ENV: 'production', CORE_SERVICE_TOKEN: SERVICE_TOKEN });
  [admin] = (await makeUsers(core.sql, 1, 'admin')) as [TestUser];
  for (const role of ['customer', 'catalog', 'support'] as const) [others[role]] = (await makeUsers(core.sql, 1, role)) as [TestUser];
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  expect(prod.errors).toEqual([]);
  await core.stop();
  await prod.stop();
});

type AuditRow = { action: string; entity: string; entity_id: string; actor_role: string; before: unknown; after: unknown };
const auditOf = (entityId: string) =>
  core.sql<AuditRow[]>`select action, entity, entity_id, actor_role, before, after from audit_log where entity_id = ${entityId} order by id`;
const auditCount = async () => (await core.sql<{ n: number }[]>`select count(*)::int as n from audit_log where actor_id = ${admin.id}`)[0]!.n;
const endpointCount = async () => (await core.sql<{ n: number }[]>`select count(*)::int as n from webhook_endpoints where created_by = ${admin.id}`)[0]!.n;
const storedSecret = async (id: string) => (await core.sql<{ secret: string }[]>`select secret from webhook_endpoints where id = ${id}`)[0]?.secret;

const as = (user: TestUser) => (method: string, path: string, body?: unknown) => core.call(method, path, { token: user?.token, body });
const anonymous = (method: string, path: string, body?: unknown) => core.call(method, path, { body });
const call = (method: string, path: string, body?: unknown) => core.call(method, path, { token: admin.token, body });

async function createEndpoint(body: Record<string, unknown> = {}): Promise<Reply> {
  const r = await call('POST', '/admin/webhooks', { url: receiver, event_types: ['order.paid'], ...body });
  expect(r.status).toBe(201);
  return r;
}

/** Runs `change` and expects exactly one new audit row by the admin. */
async function audited<T>(change: () => Promise<T>): Promise<T> {
  const before = await auditCount();
  const result = await change();
  expect(await auditCount()).toBe(before + 1);
  return result;
}

function expectProblem(r: Reply, status: number) {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toBe('application/problem+json');
}

describe('endpoints', () => {
  it('create answers the endpoint and its secret once; list and get never show it, nor does the audit row', async () => {
    const created = await audited(() => createEndpoint({ event_types: ['order.paid', 'product.low_stock'], description: 'ERP' }));
    const { secret, ...endpoint } = created.body;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(await storedSecret(endpoint.id)).toBe(secret);
    expect(endpoint).toMatchObject({ url: receiver, event_types: ['order.paid', 'product.low_stock'], description: 'ERP', enabled: true });

    const got = await call('GET', `/admin/webhooks/${endpoint.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(endpoint);

    const listed = await call('GET', '/admin/webhooks?limit=100');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual(endpoint);
    expect(JSON.stringify([got.body, listed.body])).not.toContain(secret);

    const rows = await auditOf(endpoint.id);
    expect(rows).toEqual([
      { action: 'webhook_endpoint.create', entity: 'webhook_endpoint', entity_id: endpoint.id, actor_role: 'admin', before: null, after: endpoint },
    ]);
    expect(JSON.stringify(rows)).not.toContain('whsec_');
  });

  it('a second create gets its own secret', async () => {
    const [a, b] = [await createEndpoint(), await createEndpoint()];
    expect(a.body.secret).not.toBe(b.body.secret);
  });

  it('update changes what it names, disables and enables, each with one audit row of before and after', async () => {
    const { secret, ...endpoint } = (await createEndpoint({ description: 'old' })).body;
    const updated = await audited(() =>
      call('PATCH', `/admin/webhooks/${endpoint.id}`, { event_types: ['order.shipped', 'order.delivered'], description: null }),
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: endpoint.id, url: receiver, event_types: ['order.shipped', 'order.delivered'], description: null, enabled: true });
    expect(updated.body.secret).toBeUndefined();

    const disabled = await audited(() => call('PATCH', `/admin/webhooks/${endpoint.id}`, { enabled: false, url: 'http://localhost:9/other' }));
    expect(disabled.body).toMatchObject({ enabled: false, url: 'http://localhost:9/other', event_types: ['order.shipped', 'order.delivered'] });
    const enabled = await audited(() => call('PATCH', `/admin/webhooks/${endpoint.id}`, { enabled: true }));
    expect(enabled.body.enabled).toBe(true);

    const rows = await auditOf(endpoint.id);
    expect(rows.map((r) => r.action)).toEqual(['webhook_endpoint.create', 'webhook_endpoint.update', 'webhook_endpoint.update', 'webhook_endpoint.update']);
    expect(rows[1]).toMatchObject({ before: endpoint, after: updated.body });
    expect(rows[2]).toMatchObject({ before: updated.body, after: disabled.body });
    expect(await storedSecret(endpoint.id)).toBe(secret);
  });

  it('rotate-secret answers a new secret once, stores it, and audits without either secret', async () => {
    const { secret: first, ...endpoint } = (await createEndpoint()).body;
    const rotated = await audited(() => call('POST', `/admin/webhooks/${endpoint.id}/rotate-secret`));
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(first);
    expect(await storedSecret(endpoint.id)).toBe(rotated.body.secret);
    const rows = await auditOf(endpoint.id);
    expect(rows.map((r) => r.action)).toEqual(['webhook_endpoint.create', 'webhook_endpoint.rotate_secret']);
    expect(JSON.stringify(rows)).not.toContain('whsec_');
    expect(JSON.stringify((await call('GET', `/admin/webhooks/${endpoint.id}`)).body)).not.toContain('whsec_');
  });

  it('delete answers 204, takes the delivery log with it, and is audited with what was deleted', async () => {
    const { secret: _, ...endpoint } = (await createEndpoint()).body;
    await core.sql`insert into webhook_deliveries (endpoint_id, event_id, event_type, payload) values (${endpoint.id}, 'evt_gone', 'order.paid', '{}')`;
    const deleted = await audited(() => call('DELETE', `/admin/webhooks/${endpoint.id}`));
    expect(deleted.status).toBe(204);
    expectProblem(await call('GET', `/admin/webhooks/${endpoint.id}`), 404);
    expect(await core.sql`select 1 from webhook_deliveries where endpoint_id = ${endpoint.id}`).toHaveLength(0);
    expect((await auditOf(endpoint.id)).at(-1)).toMatchObject({ action: 'webhook_endpoint.delete', before: endpoint, after: null });
  });

  it('lists newest first, page by page, each endpoint once', async () => {
    const mine = [(await createEndpoint()).body.id, (await createEndpoint()).body.id, (await createEndpoint()).body.id];
    const seen: { id: string; created_at: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: Reply = await call('GET', `/admin/webhooks?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.next_cursor;
    } while (cursor);
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => mine.includes(id))).toEqual([...mine].reverse());
    const times = seen.map((e) => Date.parse(e.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('delivery log and redelivery', () => {
  let endpointId: string;
  const ids = { delivered: randomUUID(), dead: randomUUID(), pending: randomUUID() };
  const orderId = randomUUID();
  const payload = (n: number) => ({ id: `evt_order_${n}`, type: 'order.paid', created: 1767261600, data: { order: { id: orderId, status: 'paid' } } });

  beforeAll(async () => {
    endpointId = (await createEndpoint()).body.id;
    const later = "now() + interval '1 day'";
    await core.sql`
      insert into webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, last_status_code, last_error, delivered_at, created_at) values
        (${ids.delivered}, ${endpointId}, 'evt_order_1', 'order.paid', ${core.sql.json(payload(1))}, 'delivered', 2, now(), 200, null, now() - interval '1 minute', now() - interval '3 minutes'),
        (${ids.dead}, ${endpointId}, 'evt_order_2', 'order.paid', ${core.sql.json(payload(2))}, 'dead', 12, now(), 500, 'HTTP 500', null, now() - interval '2 minutes'),
        (${ids.pending}, ${endpointId}, 'evt_order_3', 'order.paid', ${core.sql.json(payload(3))}, 'pending', 1, ${core.sql.unsafe(later)}, null, 'connect ECONNREFUSED', null, now() - interval '1 minute')`;
    await core.sql`
      insert into webhook_attempts (delivery_id, at, status_code, error, duration_ms) values
        (${ids.delivered}, now() - interval '170 seconds', 503, 'HTTP 503', 12),
        (${ids.delivered}, now() - interval '60 seconds', 200, null, 8),
        (${ids.dead}, now() - interval '110 seconds', 500, 'HTTP 500', 30)`;
  });

  it('lists newest first with the delivery fields, by status, page by page', async () => {
    const all = await call('GET', `/admin/webhooks/${endpointId}/deliveries`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((d: { id: string }) => d.id)).toEqual([ids.pending, ids.dead, ids.delivered]);
    expect(all.body.next_cursor).toBeNull();
    expect(all.body.items[2]).toEqual({
      id: ids.delivered,
      event_id: 'evt_order_1',
      event_type: 'order.paid',
      status: 'delivered',
      attempts: 2,
      last_status_code: 200,
      last_error: null,
      next_attempt_at: expect.any(String),
      delivered_at: expect.any(String),
      created_at: expect.any(String),
    });
    const dead = await call('GET', `/admin/webhooks/${endpointId}/deliveries?status=dead`);
    expect(dead.body.items.map((d: { id: string }) => d.id)).toEqual([ids.dead]);

    const first = await call('GET', `/admin/webhooks/${endpointId}/deliveries?limit=2`);
    expect(first.body.items.map((d: { id: string }) => d.id)).toEqual([ids.pending, ids.dead]);
    const second = await call('GET', `/admin/webhooks/${endpointId}/deliveries?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body).toMatchObject({ items: [{ id: ids.delivered }], next_cursor: null });
  });

  it('shows one delivery with its payload and every attempt, oldest first', async () => {
    const r = await call('GET', `/admin/webhooks/${endpointId}/deliveries/${ids.delivered}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: ids.delivered, payload: payload(1), status: 'delivered' });
    expect(r.body.attempt_log).toEqual([
      { at: expect.any(String), status_code: 503, error: 'HTTP 503', duration_ms: 12 },
      { at: expect.any(String), status_code: 200, error: null, duration_ms: 8 },
    ]);
  });

  it('redeliver sets a dead delivery pending now with a fresh budget, keeps its history, notifies the sender, audits once', async () => {
    const notified: string[] = [];
    const listener = await core.sql.listen('webhook_due', (id) => notified.push(id));
    try {
      const r = await audited(() => call('POST', `/admin/webhooks/${endpointId}/deliveries/${ids.dead}/redeliver`));
      expect(r.status).toBe(202);
      expect(r.body).toMatchObject({ id: ids.dead, status: 'pending', attempts: 0, last_status_code: 500, last_error: 'HTTP 500', delivered_at: null });
      expect(Math.abs(Date.parse(r.body.next_attempt_at) - Date.now())).toBeLessThan(5_000);
      await expect.poll(() => notified).toContain(ids.dead);
    } finally {
      await listener.unlisten();
    }
    const [row] = await auditOf(ids.dead);
    expect(row).toMatchObject({
      action: 'webhook_delivery.redeliver',
      entity: 'webhook_delivery',
      before: { status: 'dead', attempts: 12 },
      after: { status: 'pending', attempts: 0 },
    });
    const attempts = await core.sql`select 1 from webhook_attempts where delivery_id = ${ids.dead}`;
    expect(attempts.length).toBeGreaterThanOrEqual(1);
  });

  it('redeliver of a delivered one sends it again', async () => {
    const r = await audited(() => call('POST', `/admin/webhooks/${endpointId}/deliveries/${ids.delivered}/redeliver`));
    expect(r.body).toMatchObject({ status: 'pending', attempts: 0, delivered_at: null });
  });

  it('redeliver to a disabled endpoint is 409 and changes nothing', async () => {
    const other = (await createEndpoint()).body.id;
    const id = randomUUID();
    await core.sql`insert into webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, attempts) values (${id}, ${other}, 'evt_x', 'order.paid', '{}', 'dead', 12)`;
    await call('PATCH', `/admin/webhooks/${other}`, { enabled: false });
    const before = await auditCount();
    expectProblem(await call('POST', `/admin/webhooks/${other}/deliveries/${id}/redeliver`), 409);
    expect(await auditCount()).toBe(before);
    expect((await core.sql<{ status: string }[]>`select status from webhook_deliveries where id = ${id}`)[0]!.status).toBe('dead');
  });
});

describe('production rule', () => {
  const prodCall = (method: string, path: string, body?: unknown) =>
    prod.call(method, path, { token: admin.token, body, headers: { [CORE_SERVICE_TOKEN_HEADER]: SERVICE_TOKEN } });

  it.each([
    ['http', 'http://hooks.example.com/in'],
    ['loopback', 'https://127.0.0.1/in'],
    ['private', 'https://10.0.0.1/in'],
    ['IPv6 loopback', 'https://[::1]/in'],
    ['cloud metadata (link-local)', 'https://169.254.169.254/latest/meta-data'],
    ['a name resolving to loopback', 'https://localhost/in'],
  ])('refuses %s (%s) with 422 naming url, registering nothing', async (_what, url) => {
    const [audits, endpoints] = [await auditCount(), await endpointCount()];
    const r = await prodCall('POST', '/admin/webhooks', { url, event_types: ['order.paid'] });
    expectProblem(r, 422);
    expect(r.body.errors).toEqual([{ field: 'url', message: expect.any(String) }]);
    expect([await auditCount(), await endpointCount()]).toEqual([audits, endpoints]);
  });

  it('accepts a public https address, and refuses to move it to a private one', async () => {
    const created = await prodCall('POST', '/admin/webhooks', { url: 'https://93.184.216.34/in', event_types: ['order.paid'] });
    expect(created.status).toBe(201);
    const before = await auditCount();
    const moved = await prodCall('PATCH', `/admin/webhooks/${created.body.id}`, { url: 'https://192.168.1.10/in' });
    expectProblem(moved, 422);
    expect(moved.body.errors[0].field).toBe('url');
    expect(await auditCount()).toBe(before);
    expect((await prodCall('GET', `/admin/webhooks/${created.body.id}`)).body.url).toBe('https://93.184.216.34/in');
  });

  it('outside production loopback http is accepted', async () => {
    expect((await call('POST', '/admin/webhooks', { url: 'http://localhost:8080/hook', event_types: ['order.paid'] })).status).toBe(201);
  });
});

describe('roles and bad input', () => {
  const routes = (endpoint: string, delivery: string): [string, string, unknown?][] => [
    ['POST', '/admin/webhooks', { url: receiver, event_types: ['order.paid'] }],
    ['GET', '/admin/webhooks'],
    ['GET', `/admin/webhooks/${endpoint}`],
    ['PATCH', `/admin/webhooks/${endpoint}`, { enabled: false }],
    ['DELETE', `/admin/webhooks/${endpoint}`],
    ['POST', `/admin/webhooks/${endpoint}/rotate-secret`],
    ['GET', `/admin/webhooks/${endpoint}/deliveries`],
    ['GET', `/admin/webhooks/${endpoint}/deliveries/${delivery}`],
    ['POST', `/admin/webhooks/${endpoint}/deliveries/${delivery}/redeliver`],
  ];
  let endpoint: string;
  let delivery: string;
  beforeAll(async () => {
    endpoint = (await createEndpoint()).body.id;
    delivery = randomUUID();
    await core.sql`insert into webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status) values (${delivery}, ${endpoint}, 'evt_roles', 'order.paid', '{}', 'dead')`;
  });

  it('customer, catalog and support get 403, no token 401, and nothing changes', async () => {
    const [audits, endpoints] = [await auditCount(), await endpointCount()];
    for (const [method, path, body] of routes(endpoint, delivery)) {
      for (const role of ['customer', 'catalog', 'support'] as const) expectProblem(await as(others[role])(method, path, body), 403);
      expectProblem(await anonymous(method, path, body), 401);
    }
    expect([await auditCount(), await endpointCount()]).toEqual([audits, endpoints]);
    expect((await call('GET', `/admin/webhooks/${endpoint}`)).body.enabled).toBe(true);
  });

  it.each([
    ['no url', 'POST', '/admin/webhooks', { event_types: ['order.paid'] }, 400],
    ['a url that is not one', 'POST', '/admin/webhooks', { url: 'hooks.example.com', event_types: ['order.paid'] }, 400],
    ['an ftp url', 'POST', '/admin/webhooks', { url: 'ftp://hooks.example.com/', event_types: ['order.paid'] }, 400],
    ['no event types', 'POST', '/admin/webhooks', { url: receiver, event_types: [] }, 400],
    ['repeated event types', 'POST', '/admin/webhooks', { url: receiver, event_types: ['order.paid', 'order.paid'] }, 400],
    ['an unknown event type', 'POST', '/admin/webhooks', { url: receiver, event_types: ['order.teleported'] }, 400],
    ['an unknown field', 'POST', '/admin/webhooks', { url: receiver, event_types: ['order.paid'], secret: 'whsec_mine' }, 400],
    ['a description too long', 'POST', '/admin/webhooks', { url: receiver, event_types: ['order.paid'], description: 'x'.repeat(501) }, 400],
    ['a page too large', 'GET', '/admin/webhooks?limit=101', undefined, 400],
    ['a bad cursor', 'GET', '/admin/webhooks?cursor=abc', undefined, 400],
    ['a bad endpoint id', 'GET', '/admin/webhooks/not-a-uuid', undefined, 400],
    ['an unknown endpoint', 'GET', `/admin/webhooks/${randomUUID()}`, undefined, 404],
    ['an empty change', 'PATCH', '/admin/webhooks/:endpoint', {}, 400],
    ['no event types in a change', 'PATCH', '/admin/webhooks/:endpoint', { event_types: [] }, 400],
    ['enabled not a boolean', 'PATCH', '/admin/webhooks/:endpoint', { enabled: 'no' }, 400],
    ['a change to an unknown endpoint', 'PATCH', `/admin/webhooks/${randomUUID()}`, { enabled: false }, 404],
    ['deleting an unknown endpoint', 'DELETE', `/admin/webhooks/${randomUUID()}`, undefined, 404],
    ['rotating an unknown endpoint', 'POST', `/admin/webhooks/${randomUUID()}/rotate-secret`, undefined, 404],
    ['deliveries of an unknown endpoint', 'GET', `/admin/webhooks/${randomUUID()}/deliveries`, undefined, 404],
    ['an unknown delivery status', 'GET', '/admin/webhooks/:endpoint/deliveries?status=lost', undefined, 400],
    ['a bad deliveries cursor', 'GET', '/admin/webhooks/:endpoint/deliveries?cursor=1_2', undefined, 400],
    ['an unknown delivery', 'GET', `/admin/webhooks/:endpoint/deliveries/${randomUUID()}`, undefined, 404],
    ['a delivery under another endpoint', 'GET', `/admin/webhooks/${randomUUID()}/deliveries/:delivery`, undefined, 404],
    ['redelivering an unknown delivery', 'POST', `/admin/webhooks/:endpoint/deliveries/${randomUUID()}/redeliver`, undefined, 404],
    ['redelivering under another endpoint', 'POST', `/admin/webhooks/${randomUUID()}/deliveries/:delivery/redeliver`, undefined, 404],
  ])('%s: problem, nothing changed', async (_what, method, template, body, status) => {
    const path = template.replace(':endpoint', endpoint).replace(':delivery', delivery);
    const [audits, endpoints] = [await auditCount(), await endpointCount()];
    expectProblem(await call(method, path, body), status);
    expect([await auditCount(), await endpointCount()]).toEqual([audits, endpoints]);
    expect((await call('GET', `/admin/webhooks/${endpoint}`)).body).toMatchObject({ enabled: true, event_types: ['order.paid'] });
    expect((await core.sql<{ status: string }[]>`select status from webhook_deliveries where id = ${delivery}`)[0]!.status).toBe('dead');
  });
});
