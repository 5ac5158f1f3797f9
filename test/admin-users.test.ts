import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../core/auth/tokens.ts';
import { config } from '../config/index.ts';
import { makeUsers, startCore, type Core, type Reply, type TestUser } from './core-harness.ts';
import { checkedCall, createContractChecker } from './support/contract.ts';

// Admin routes against core: finding users, changing roles (audited, never one's own admin role,
// never the last admin) and reading the audit trail.
let core: Core;
let admin: TestUser;
let support: TestUser;
let catalog: TestUser;
let customer: TestUser;
const contract = createContractChecker();

beforeAll(async () => {
  core = await startCore();
  [admin] = (await makeUsers(core.sql, 1, 'admin')) as [TestUser];
  [support] = (await makeUsers(core.sql, 1, 'support')) as [TestUser];
  [catalog] = (await makeUsers(core.sql, 1, 'catalog')) as [TestUser];
  [customer] = (await makeUsers(core.sql, 1)) as [TestUser];
});
afterAll(async () => {
  expect(core.errors).toEqual([]);
  expect(contract.failures()).toEqual([]);
  await core.stop();
});

/** Every reply is also checked against openapi.json. */
const call = checkedCall(contract, () => core);

const setRole = (userId: string, body: unknown, token = admin.token) => call('PUT', `/admin/users/${userId}/role`, { token, body });
const roleOf = async (id: string) => (await core.sql<{ role: string }[]>`select role from users where id = ${id}`)[0]?.role;
const userAudit = (id: string) =>
  core.sql<{ action: string; actor_id: string; before: unknown; after: unknown; reason: string | null }[]>`
    select action, actor_id, before, after, reason from audit_log where entity = 'user' and entity_id = ${id} order by id`;

describe('GET /admin/users', () => {
  it('finds a user by email, ignoring case; an unknown email finds none', async () => {
    const r = await call('GET', `/admin/users?email=${encodeURIComponent(customer.email.toUpperCase())}`, { token: admin.token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ items: [{ id: customer.id, email: customer.email, role: 'customer', created_at: expect.any(String) }] });
    expect((await call('GET', '/admin/users?email=nobody-here@example.com', { token: admin.token })).body).toEqual({ items: [] });
    expect((await call('GET', '/admin/users', { token: admin.token })).status).toBe(400);
  });
});

describe('PUT /admin/users/{user_id}/role', () => {
  it('changes a role with one audit row; a demoted operator is refused at once, a promoted one after signing in again', async () => {
    const [user] = (await makeUsers(core.sql, 1, 'support')) as [TestUser];
    expect((await call('GET', '/admin/orders?limit=1', { token: user.token })).status).toBe(200);
    const r = await setRole(user.id, { role: 'customer', reason: 'left the team' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: user.id, email: user.email, role: 'customer' });
    expect((await call('GET', '/admin/orders?limit=1', { token: user.token })).status).toBe(403);
    expect(await userAudit(user.id)).toEqual([
      { action: 'user.role', actor_id: admin.id, before: { role: 'support' }, after: { role: 'customer' }, reason: 'left the team' },
    ]);

    expect((await setRole(user.id, { role: 'catalog' })).status).toBe(200);
    const fresh = await issueToken(config, { id: user.id, role: 'catalog' });
    expect((await call('GET', '/admin/orders?limit=1', { token: fresh })).status).toBe(403);
    expect((await call('POST', '/admin/products', { token: fresh, body: {} })).status).toBe(400);
    expect((await userAudit(user.id)).length).toBe(2);
  });

  it('an admin cannot demote themselves (409), nothing changes; another admin can', async () => {
    const [me, other] = (await makeUsers(core.sql, 2, 'admin')) as [TestUser, TestUser];
    const r = await setRole(me.id, { role: 'support' }, me.token);
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.type).toContain('self-demotion');
    expect(await roleOf(me.id)).toBe('admin');
    expect(await userAudit(me.id)).toEqual([]);
    expect((await setRole(me.id, { role: 'support' }, other.token)).status).toBe(200);
    expect(await roleOf(me.id)).toBe('support');
  });

  it('two admins demoting each other at once: one wins, the other is refused, an admin remains', async () => {
    const [a, b] = (await makeUsers(core.sql, 2, 'admin')) as [TestUser, TestUser];
    const [ra, rb] = await Promise.all([setRole(b.id, { role: 'customer' }, a.token), setRole(a.id, { role: 'customer' }, b.token)]);
    expect([ra.status, rb.status].sort()).toEqual([200, 403]);
    expect([await roleOf(a.id), await roleOf(b.id)].sort()).toEqual(['admin', 'customer']);
    expect((await userAudit(a.id)).length + (await userAudit(b.id)).length).toBe(1);
  });

  it('bad input is 400/404 problem+json and changes nothing', async () => {
    const [user] = (await makeUsers(core.sql, 1)) as [TestUser];
    const refusals: [Reply, number][] = [
      [await setRole(user.id, { role: 'owner' }), 400],
      [await setRole(user.id, {}), 400],
      [await setRole(user.id, { role: 'support', extra: true }), 400],
      [await setRole(user.id, { role: 'support', reason: '' }), 400],
      [await call('PUT', `/admin/users/${user.id}/role`, { token: admin.token, raw: '{', headers: { 'content-type': 'application/json' } }), 400],
      [await setRole('not-a-uuid', { role: 'support' }), 400],
      [await setRole(randomUUID(), { role: 'support' }), 404],
    ];
    for (const [r, status] of refusals) {
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await roleOf(user.id)).toBe('customer');
    expect(await userAudit(user.id)).toEqual([]);
  });
});

describe('GET /admin/audit', () => {
  it('filters by actor, entity, entity id and action, newest first, pages without gaps or repeats', async () => {
    const [actor] = (await makeUsers(core.sql, 1, 'admin')) as [TestUser];
    const targets = (await makeUsers(core.sql, 5)) as TestUser[];
    for (const t of targets) expect((await setRole(t.id, { role: 'support' }, actor.token)).status).toBe(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Reply = await call('GET', `/admin/audit?actor_id=${actor.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: admin.token });
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((e: { entity_id: string }) => e.entity_id));
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(targets.map((t) => t.id).reverse());

    const one = await call('GET', `/admin/audit?entity=user&entity_id=${targets[2]!.id}&action=user.role`, { token: admin.token });
    expect(one.body.items).toEqual([
      {
        id: expect.stringMatching(/^[0-9]+$/),
        actor_id: actor.id,
        actor_role: 'admin',
        action: 'user.role',
        entity: 'user',
        entity_id: targets[2]!.id,
        before: { role: 'customer' },
        after: { role: 'support' },
        reason: null,
        at: expect.any(String),
      },
    ]);
    expect((await call('GET', `/admin/audit?entity=order&entity_id=${targets[2]!.id}`, { token: admin.token })).body.items).toEqual([]);
  });

  it.each([
    ['an unknown entity', 'entity=invoice', 'query.entity'],
    ['a malformed actor', 'actor_id=me', 'query.actor_id'],
    ['a malformed action', 'action=DROP TABLE', 'query.action'],
    ['a malformed cursor', 'cursor=-1', 'query.cursor'],
    ['a limit of 0', 'limit=0', 'query.limit'],
  ])('refuses %s with 400 problem+json', async (_, query, field) => {
    const r = await call('GET', `/admin/audit?${query}`, { token: admin.token });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('roles', () => {
  it('no token → 401; a customer, catalog or support operator → 403', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', `/admin/users?email=${encodeURIComponent(customer.email)}`],
      ['PUT', `/admin/users/${customer.id}/role`, { role: 'admin' }],
      ['GET', '/admin/audit'],
    ];
    for (const [method, path, body] of routes) {
      expect((await call(method, path, { body })).status).toBe(401);
      for (const u of [customer, catalog, support]) expect((await call(method, path, { token: u.token, body })).status).toBe(403);
    }
    expect(await roleOf(customer.id)).toBe('customer');
    expect(await userAudit(customer.id)).toEqual([]);
  });
});
