import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreRoutes } from '../openapi/routes/public.ts';
import { makeUsers, startCore, type Core, type TestUser } from './core-harness.ts';

// One rule for every operator route (under /admin): who may call it is settled before anything
// of the request is read. Without a token 401, with a customer's or another area's operator's
// token 403 — even when the path parameter, the query, the headers and the body are all invalid.
let core: Core;
const users: Partial<Record<'customer' | 'catalog' | 'support', TestUser>> = {};

beforeAll(async () => {
  core = await startCore();
  for (const role of ['customer', 'catalog', 'support'] as const) [users[role]] = await makeUsers(core.sql, 1, role);
});

afterAll(async () => {
  expect(core.errors).toEqual([]);
  await core.sql`delete from users where id in ${core.sql(Object.values(users).map((u) => u.id))}`;
  await core.stop();
});

const adminRoutes = coreRoutes.filter((r) => r.path.startsWith('/admin/'));
/** The area each path belongs to: catalog for products and the bulk update, support for orders, admin for the rest. */
const areaOf = (path: string) => (/^\/admin\/(products|catalog)\b/.test(path) ? 'catalog' : path.startsWith('/admin/orders') ? 'support' : 'admin');
const outsiders = (path: string) => (['catalog', 'support'] as const).filter((role) => role !== areaOf(path));

describe('every /admin route, with an invalid request', () => {
  it('covers the routes of the document', () => expect(adminRoutes.length).toBeGreaterThan(20));

  it.each(adminRoutes.map((r) => [r.method.toUpperCase(), r.path] as const))(
    '%s %s: 401 without a token, 403 for a customer and other areas',
    async (method, path) => {
      const url = `${path.replace(/\{[^}]+\}/g, 'not%20an%20id!')}?limit=-1&status=nonsense&email=`;
      const body = method === 'GET' || method === 'DELETE' ? undefined : { unknown_field: [null] };
      const call = (token?: string) => core.call(method, url, { token, body, headers: { 'idempotency-key': '' } });

      const anonymous = await call();
      expect(anonymous.status, JSON.stringify(anonymous.body)).toBe(401);
      expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
      for (const role of ['customer', ...outsiders(path)] as const) {
        const r = await call(users[role]!.token);
        expect(r.status, `${role}: ${JSON.stringify(r.body)}`).toBe(403);
        expect(r.body.type).toBe('https://problems.commerce.local/forbidden');
      }
    },
  );
});
