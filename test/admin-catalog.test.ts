import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, repoRoot } from '../config/index.ts';
import { ADDRESS, buy, key, makeProduct, makeUsers, startCore, stock, type Core, type Reply, type TestUser } from './core-harness.ts';

// The operator's catalog routes against core and the real Postgres: each change answers with the
// product, leaves exactly one audit row with before and after, and a refused one changes nothing
// and leaves no row.
let core: Core;
let catalog: TestUser;
let admin: TestUser;
let support: TestUser;
let customers: TestUser[];
const created: string[] = [];

const newId = () => `test-admin-${randomUUID()}`;

beforeAll(async () => {
  core = await startCore();
  [catalog] = (await makeUsers(core.sql, 1, 'catalog')) as [TestUser];
  [admin] = (await makeUsers(core.sql, 1, 'admin')) as [TestUser];
  [support] = (await makeUsers(core.sql, 1, 'support')) as [TestUser];
  customers = await makeUsers(core.sql, 4);
});

afterAll(async () => {
  expect(core.errors).toEqual([]);
  const users = [catalog, admin, support, ...customers].map((u) => u.id);
  await core.sql`delete from orders where user_id in ${core.sql(users)}`;
  await core.sql`delete from carts where user_id in ${core.sql(users)}`;
  await core.sql`delete from audit_log where actor_id in ${core.sql(users)}`;
  await core.sql`delete from products where id in ${core.sql(created)}`;
  await core.sql`delete from users where id in ${core.sql(users)}`;
  await core.stop();
});

/** A product of this file (cleaned up after), through SQL. */
async function product(onHand = 10, price = 49_900): Promise<string> {
  const id = await makeProduct(core.sql, onHand, price, 'admin');
  created.push(id);
  return id;
}

type AuditRow = { action: string; entity: string; actor_id: string; actor_role: string; before: unknown; after: unknown; reason: string | null };
const auditOf = (entityId: string) =>
  core.sql<AuditRow[]>`select action, entity, actor_id::text, actor_role, before, after, reason from audit_log where entity_id = ${entityId} order by id`;
const productRow = async (id: string) => (await core.sql`select * from products where id = ${id}`)[0];

function expectProblem(r: Reply, status: number, field?: string): void {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get('content-type')).toBe('application/problem+json');
  if (field) expect(r.body.errors?.map((e: { field: string }) => e.field)).toContain(field);
}

/** Runs a refused request and checks that neither the product, its stock nor the audit trail moved. */
async function expectNothingChanged(id: string, request: () => Promise<Reply>, status: number, field?: string): Promise<Reply> {
  const [before, stockBefore, auditBefore] = [await productRow(id), await stock(core.sql, id), await auditOf(id)];
  const r = await request();
  expectProblem(r, status, field);
  expect(await productRow(id)).toEqual(before);
  expect(await stock(core.sql, id)).toEqual(stockBefore);
  expect(await auditOf(id)).toEqual(auditBefore);
  return r;
}

const addToCart = (user: TestUser, productId: string, quantity = 1) =>
  core.call('POST', '/cart/add_products', { token: user.token, body: { items: [{ product_id: productId, quantity }] } });

describe('POST /admin/products', () => {
  const body = (id?: string) => ({
    ...(id ? { id } : {}),
    title: 'Operator Phone X',
    brand: 'Acme',
    category_path: ['Mobiles & Accessories', 'Mobiles'],
    description: 'A phone an operator added',
    image_urls: ['https://img.example.com/x.jpg'],
    specifications: [{ key: 'RAM', value: '8 GB' }],
    price_amount: 1_999_900,
    mrp_amount: 2_499_900,
    on_hand: 7,
  });

  it('creates the product with its stock and one audit row; a second create of the id is 409', async () => {
    const id = newId();
    created.push(id);
    const r = await core.call('POST', '/admin/products', { token: catalog.token, body: body(id) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ ...body(id), pid: id, currency: 'INR', reserved: 0, archived_at: null });
    expect(await stock(core.sql, id)).toEqual({ on_hand: 7, reserved: 0 });
    const audit = await auditOf(id);
    expect(audit).toEqual([
      { action: 'product.create', entity: 'product', actor_id: catalog.id, actor_role: 'catalog', before: null, after: r.body, reason: null },
    ]);

    await expectNothingChanged(id, () => core.call('POST', '/admin/products', { token: admin.token, body: body(id) }), 409, 'id');
  });

  it('generates a catalog-like id when none is given (admin passes too)', async () => {
    const r = await core.call('POST', '/admin/products', { token: admin.token, body: body() });
    expect(r.status).toBe(201);
    created.push(r.body.id);
    expect(r.body.id).toMatch(/^[0-9a-f]{32}$/);
    expect((await auditOf(r.body.id)).map((a) => [a.action, a.actor_role])).toEqual([['product.create', 'admin']]);
  });

  it.each([
    ['a price above the MRP', { price_amount: 3_000_000 }, 422, 'price_amount'],
    ['no title', { title: undefined }, 400, 'title'],
    ['a fractional price', { price_amount: 10.5 }, 400, 'price_amount'],
    ['negative stock', { on_hand: -1 }, 400, 'on_hand'],
    ['an unknown field', { colour: 'red' }, 400, '(body)'],
    ['a bad image URL', { image_urls: ['javascript:alert(1)'] }, 400, 'image_urls.0'],
  ])('refuses %s and creates nothing', async (_name, change, status, field) => {
    const id = newId();
    const r = await core.call('POST', '/admin/products', { token: catalog.token, body: { ...body(id), ...change } });
    expectProblem(r, status, field);
    expect(await productRow(id)).toBeUndefined();
    expect(await auditOf(id)).toEqual([]);
  });
});

describe('PATCH /admin/products/{id}', () => {
  it('changes the given fields and audits them before and after', async () => {
    const id = await product();
    const patch = { title: 'Renamed', brand: 'NewBrand', specifications: [{ key: 'Colour', value: 'Blue' }] };
    const r = await core.call('PATCH', `/admin/products/${id}`, { token: catalog.token, body: patch });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject(patch);
    expect(await auditOf(id)).toEqual([
      {
        action: 'product.update',
        entity: 'product',
        actor_id: catalog.id,
        actor_role: 'catalog',
        before: { title: 'Test product admin', brand: null, specifications: [] },
        after: patch,
        reason: null,
      },
    ]);
  });

  it.each([
    ['an empty body', {}, 400, '(body)'],
    ['an unknown field', { price_amount: 1 }, 400, '(body)'],
    ['an empty title', { title: '' }, 400, 'title'],
  ])('refuses %s', async (_name, patch, status, field) => {
    const id = await product();
    await expectNothingChanged(id, () => core.call('PATCH', `/admin/products/${id}`, { token: catalog.token, body: patch }), status, field);
  });

  it('an unknown product is 404', async () => {
    expectProblem(await core.call('PATCH', `/admin/products/${newId()}`, { token: catalog.token, body: { title: 'x' } }), 404);
  });
});

describe('archive and unarchive', () => {
  it('an archived product is refused by add-to-cart (409); unarchived it sells again; each step one audit row', async () => {
    const id = await product();
    const customer = customers[0]!;
    const archived = await core.call('POST', `/admin/products/${id}/archive`, { token: catalog.token });
    expect(archived.status).toBe(200);
    expect(archived.body.archived_at).toEqual(expect.any(String));

    const refused = await addToCart(customer, id);
    expectProblem(refused, 409);
    expect(refused.body.type).toMatch(/product-archived$/);
    await expectNothingChanged(id, () => core.call('POST', `/admin/products/${id}/archive`, { token: catalog.token }), 409);

    const back = await core.call('POST', `/admin/products/${id}/unarchive`, { token: catalog.token });
    expect(back.status).toBe(200);
    expect(back.body.archived_at).toBeNull();
    expect((await addToCart(customer, id)).status).toBe(200);
    await expectNothingChanged(id, () => core.call('POST', `/admin/products/${id}/unarchive`, { token: catalog.token }), 409);

    expect((await auditOf(id)).map((a) => [a.action, a.before, a.after])).toEqual([
      ['product.archive', { archived_at: null }, { archived_at: archived.body.archived_at }],
      ['product.unarchive', { archived_at: archived.body.archived_at }, { archived_at: null }],
    ]);
  });

  it('an order holding an archived product keeps it', async () => {
    const id = await product(5);
    const order = await buy(core.call, customers[1]!, [{ product_id: id, quantity: 2 }]);
    expect(order.status).toBe(201);
    expect((await core.call('POST', `/admin/products/${id}/archive`, { token: catalog.token })).status).toBe(200);
    const status = await core.call('GET', `/order_status?order_id=${order.body.order_id}`, { token: customers[1]!.token });
    expect(status.body.status).toBe('pending_payment');
    expect(await stock(core.sql, id)).toEqual({ on_hand: 5, reserved: 2 });
  });

  it('checkout refuses a product archived after it went into the cart: 409 naming it, nothing reserved, no order', async () => {
    const [kept, gone] = [await product(5), await product(5)];
    const customer = customers[3]!;
    for (const id of [kept, gone]) expect((await addToCart(customer, id)).status).toBe(200);
    expect((await core.call('POST', `/admin/products/${gone}/archive`, { token: catalog.token })).status).toBe(200);

    const refused = await core.call('POST', '/checkout', { token: customer.token, body: { shipping_address: ADDRESS }, headers: { 'idempotency-key': key() } });
    expectProblem(refused, 409);
    expect(refused.body).toMatchObject({ type: 'https://problems.commerce.local/product-archived', product_ids: [gone] });
    expect(refused.body.detail).toContain(gone);
    expect([await stock(core.sql, kept), await stock(core.sql, gone)]).toEqual([
      { on_hand: 5, reserved: 0 },
      { on_hand: 5, reserved: 0 },
    ]);
    expect(await core.sql`select id from orders where user_id = ${customer.id}`).toEqual([]);
  });
});

describe('PUT /admin/products/{id}/price', () => {
  it('sets price and MRP with one audit row', async () => {
    const id = await product(10, 49_900);
    const r = await core.call('PUT', `/admin/products/${id}/price`, { token: catalog.token, body: { price_amount: 39_900, mrp_amount: 59_900 } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ price_amount: 39_900, mrp_amount: 59_900 });
    expect((await auditOf(id)).map((a) => [a.action, a.entity, a.before, a.after])).toEqual([
      ['price.set', 'product', { price_amount: 49_900, mrp_amount: 49_900 }, { price_amount: 39_900, mrp_amount: 59_900 }],
    ]);
  });

  it.each([
    ['a price above the MRP', { price_amount: 60_000, mrp_amount: 59_999 }, 422, 'price_amount'],
    ['a missing MRP', { price_amount: 100 }, 400, 'mrp_amount'],
    ['rupees as a string', { price_amount: '399.00', mrp_amount: 59_900 }, 400, 'price_amount'],
    ['a negative MRP', { price_amount: 0, mrp_amount: -1 }, 400, 'mrp_amount'],
  ])('refuses %s', async (_name, body, status, field) => {
    const id = await product();
    await expectNothingChanged(id, () => core.call('PUT', `/admin/products/${id}/price`, { token: catalog.token, body }), status, field);
  });
});

describe('POST /admin/products/{id}/stock', () => {
  it('adjusts by a delta and sets on-hand, each with its reason in one audit row', async () => {
    const id = await product(10);
    const up = await core.call('POST', `/admin/products/${id}/stock`, { token: catalog.token, body: { delta: 5, reason: 'delivery 42' } });
    expect(up.body).toEqual({ product_id: id, on_hand: 15, reserved: 0, available: 15 });
    const set = await core.call('POST', `/admin/products/${id}/stock`, { token: catalog.token, body: { on_hand: 3, reason: 'stock count' } });
    expect(set.body).toEqual({ product_id: id, on_hand: 3, reserved: 0, available: 3 });
    expect((await auditOf(id)).map((a) => [a.action, a.entity, a.before, a.after, a.reason])).toEqual([
      [
        'stock.adjust',
        'inventory',
        { product_id: id, on_hand: 10, reserved: 0, available: 10 },
        { product_id: id, on_hand: 15, reserved: 0, available: 15 },
        'delivery 42',
      ],
      [
        'stock.set',
        'inventory',
        { product_id: id, on_hand: 15, reserved: 0, available: 15 },
        { product_id: id, on_hand: 3, reserved: 0, available: 3 },
        'stock count',
      ],
    ]);
  });

  it('never below the reserved units: 409 naming reserved and on_hand', async () => {
    const id = await product(5);
    expect((await buy(core.call, customers[2]!, [{ product_id: id, quantity: 3 }])).status).toBe(201);
    const r = await expectNothingChanged(
      id,
      () => core.call('POST', `/admin/products/${id}/stock`, { token: catalog.token, body: { delta: -3, reason: 'damaged' } }),
      409,
      'delta',
    );
    expect(r.body).toMatchObject({ reserved: 3, on_hand: 5, product_id: id });
    const set = await expectNothingChanged(
      id,
      () => core.call('POST', `/admin/products/${id}/stock`, { token: catalog.token, body: { on_hand: 2, reason: 'count' } }),
      409,
      'on_hand',
    );
    expect(set.body).toMatchObject({ reserved: 3, on_hand: 5 });
    // down to exactly the reserved units is allowed
    expect((await core.call('POST', `/admin/products/${id}/stock`, { token: catalog.token, body: { on_hand: 3, reason: 'count' } })).status).toBe(200);
  });

  it('a restock lets an add-to-cart that got 409 succeed', async () => {
    const id = await product(1);
    const customer = (await makeUsers(core.sql, 1))[0]!;
    customers.push(customer);
    const refused = await addToCart(customer, id, 3);
    expectProblem(refused, 409);
    expect(refused.body).toMatchObject({ available: 1, requested: 3 });
    expect((await core.call('POST', `/admin/products/${id}/stock`, { token: catalog.token, body: { delta: 2, reason: 'restock' } })).status).toBe(200);
    expect((await addToCart(customer, id, 3)).status).toBe(200);
  });

  it.each([
    ['no reason', { delta: 1 }, 'reason'],
    ['a zero delta', { delta: 0, reason: 'x' }, 'delta'],
    ['delta and on_hand together', { delta: 1, on_hand: 1, reason: 'x' }, 'delta'],
    ['neither delta nor on_hand', { reason: 'x' }, 'delta'],
    ['a fractional delta', { delta: 1.5, reason: 'x' }, 'delta'],
  ])('refuses %s with 400', async (_name, body, field) => {
    const id = await product();
    await expectNothingChanged(id, () => core.call('POST', `/admin/products/${id}/stock`, { token: catalog.token, body }), 400, field);
  });

  it('an unknown product is 404', async () => {
    expectProblem(await core.call('POST', `/admin/products/${newId()}/stock`, { token: catalog.token, body: { delta: 1, reason: 'x' } }), 404);
  });
});

describe('POST /admin/catalog/bulk', () => {
  it('applies every good line, one audit row each, and reports every bad one by its line number', async () => {
    const [a, b, c] = [await product(10, 10_000), await product(10, 10_000), await product(10, 10_000)];
    expect((await buy(core.call, customers[0]!, [{ product_id: c, quantity: 4 }])).status).toBe(201);
    const missing = newId();
    const rows = [
      { line: 2, product_id: a, price_amount: 9_000, mrp_amount: 12_000 },
      { line: 3, product_id: missing, on_hand: 5 },
      { line: 4, product_id: b, delta: 5, reason: 'delivery' },
      { line: 5, product_id: a, price_amount: 13_000 },
      { line: 6, product_id: c, on_hand: 3 },
      { line: 7, product_id: c, on_hand: 4, price_amount: 5_000 },
    ];
    const r = await core.call('POST', '/admin/catalog/bulk', { token: catalog.token, body: { rows } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.applied).toBe(3);
    expect(r.body.failed).toBe(3);
    expect(r.body.results).toEqual([
      { line: 2, ok: true },
      { line: 3, ok: false, error: { field: 'product_id', message: expect.stringContaining('not found') } },
      { line: 4, ok: true },
      { line: 5, ok: false, error: { field: 'price_amount', message: 'price 13000 exceeds MRP 12000' } },
      { line: 6, ok: false, error: { field: 'on_hand', message: expect.stringContaining('below the 4 reserved') } },
      { line: 7, ok: true },
    ]);
    expect(await productRow(a)).toMatchObject({ price_amount: 9_000, mrp_amount: 12_000 });
    expect(await stock(core.sql, b)).toEqual({ on_hand: 15, reserved: 0 });
    expect(await productRow(c)).toMatchObject({ price_amount: 5_000 });
    expect(await stock(core.sql, c)).toEqual({ on_hand: 4, reserved: 4 });
    expect((await auditOf(a)).map((x) => [x.action, x.before, x.after, x.reason])).toEqual([
      ['product.bulk_update', { price_amount: 10_000, mrp_amount: 10_000 }, { price_amount: 9_000, mrp_amount: 12_000 }, 'bulk update'],
    ]);
    expect((await auditOf(b)).map((x) => [x.before, x.after, x.reason])).toEqual([[{ on_hand: 10, reserved: 0 }, { on_hand: 15, reserved: 0 }, 'delivery']]);
    expect((await auditOf(c)).map((x) => [x.before, x.after])).toEqual([
      [
        { price_amount: 10_000, mrp_amount: 10_000, on_hand: 10, reserved: 4 },
        { price_amount: 5_000, mrp_amount: 10_000, on_hand: 4, reserved: 4 },
      ],
    ]);
    expect(await auditOf(missing)).toEqual([]);
  });

  it('a malformed line refuses the request with 400 naming it, and applies nothing', async () => {
    const id = await product(10);
    const rows = [
      { line: 2, product_id: id, delta: 1 },
      { line: 3, product_id: id, price_amount: 'ten' },
    ];
    await expectNothingChanged(id, () => core.call('POST', '/admin/catalog/bulk', { token: catalog.token, body: { rows } }), 400, 'rows.1.price_amount');
    await expectNothingChanged(
      id,
      () => core.call('POST', '/admin/catalog/bulk', { token: catalog.token, body: { rows: [{ line: 2, product_id: id }] } }),
      400,
      'rows.0.product_id',
    );
  });

  it('a 1,000-line request of catalog-sized lines is over the 64 KB body limit (the CLI packs chunks by bytes)', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      line: i + 2,
      product_id: 'c2d766ca982eca8304150849735ffef9',
      price_amount: 123_456,
      mrp_amount: 234_567,
    }));
    expectProblem(await core.call('POST', '/admin/catalog/bulk', { token: catalog.token, body: { rows } }), 413);
  });
});

describe('who may call the catalog routes', () => {
  const routes: [string, (id: string) => [string, string, unknown]][] = [
    ['create', () => ['POST', '/admin/products', { id: newId(), title: 't', price_amount: 1, mrp_amount: 1 }]],
    ['update', (id) => ['PATCH', `/admin/products/${id}`, { title: 't' }]],
    ['archive', (id) => ['POST', `/admin/products/${id}/archive`, undefined]],
    ['unarchive', (id) => ['POST', `/admin/products/${id}/unarchive`, undefined]],
    ['price', (id) => ['PUT', `/admin/products/${id}/price`, { price_amount: 1, mrp_amount: 1 }]],
    ['stock', (id) => ['POST', `/admin/products/${id}/stock`, { delta: 1, reason: 'x' }]],
    ['bulk', (id) => ['POST', '/admin/catalog/bulk', { rows: [{ line: 2, product_id: id, delta: 1 }] }]],
  ];
  it.each(routes)('%s: no token 401, customer 403, support 403, nothing changed', async (_name, route) => {
    const id = await product();
    const [method, path, body] = route(id);
    await expectNothingChanged(id, () => core.call(method, path, { body }), 401);
    await expectNothingChanged(id, () => core.call(method, path, { body, token: customers[0]!.token }), 403);
    await expectNothingChanged(id, () => core.call(method, path, { body, token: support.token }), 403);
  });
});

describe('npm run admin:bulk (cli/bulk-update.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'admin-bulk-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI against this core; answers its exit code and what it printed. */
  async function runCli(csv: string, token = catalog.token): Promise<{ code: number; stderr: string }> {
    const file = join(dir, `${randomUUID()}.csv`);
    writeFileSync(file, csv);
    try {
      const { stderr } = await promisify(execFile)(process.execPath, ['cli/bulk-update.ts', file, '--url', core.url, '--token', token], {
        cwd: repoRoot,
        env: childEnv(),
      });
      return { code: 0, stderr };
    } catch (e) {
      const err = e as { code: number; stderr: string };
      return { code: err.code, stderr: err.stderr };
    }
  }

  it('a CSV with bad lines applies every good line and prints each bad one with its line number; exit code 1', async () => {
    const [a, b] = [await product(10, 10_000), await product(10, 10_000)];
    const csv = [
      'product_id,price_amount,mrp_amount,on_hand,delta,reason',
      `${a},8000,12000,,,`,
      `${b},,,,7,delivery`,
      `${a},99.50,,,,`,
      `${newId()},,,5,,`,
      `${b},20000,,,,`,
      `${a},,,3,,count`,
    ].join('\n');
    const { code, stderr } = await runCli(csv);
    expect(code, stderr).toBe(1);
    expect(stderr).toContain('line 4: price_amount:');
    expect(stderr).toContain('line 5: product_id:');
    expect(stderr).toContain('line 6: price_amount: price 20000 exceeds MRP 10000');
    expect(stderr).toMatch(/6 lines of .* 3 applied, 3 refused/);
    expect(await productRow(a)).toMatchObject({ price_amount: 8000, mrp_amount: 12_000 });
    expect(await stock(core.sql, a)).toEqual({ on_hand: 3, reserved: 0 });
    expect(await stock(core.sql, b)).toEqual({ on_hand: 17, reserved: 0 });
    expect((await auditOf(a)).length).toBe(2);
    expect((await auditOf(b)).length).toBe(1);
  });

  it('sends a file of 1,200 lines in chunks under the body limit, applying every line in order', async () => {
    const ids = [await product(0), await product(0), await product(0), await product(0)];
    const lines = Array.from({ length: 1200 }, (_, i) => `${ids[i % 4]},,,,1,restock`);
    const started = Date.now();
    const { code, stderr } = await runCli(['product_id,price_amount,mrp_amount,on_hand,delta,reason', ...lines].join('\n'));
    console.log(`admin:bulk: 1,200 lines in ${Date.now() - started} ms (${stderr.trim().split('\n').at(-1)})`);
    expect(code, stderr).toBe(0);
    for (const id of ids) expect(await stock(core.sql, id)).toEqual({ on_hand: 300, reserved: 0 });
  }, 120_000);

  it('a refused credential fails every line without applying any', async () => {
    const id = await product(10);
    const { code, stderr } = await runCli(`product_id,delta\n${id},1\n${id},2\n`, support.token);
    expect(code).toBe(1);
    expect(stderr).toContain('line 2: line: request refused: 403');
    expect(stderr).toContain('line 3: line: request refused: 403');
    expect(await stock(core.sql, id)).toEqual({ on_hand: 10, reserved: 0 });
  });
});
