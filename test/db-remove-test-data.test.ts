import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, loadConfig } from '../config/index.ts';
import { connect } from '../core/db/connect.ts';
import { listMigrations, migrate } from '../core/db/migrate.ts';
import type { Sql } from '../core/db/types.ts';

// Migration 020 removes what the suites and benches left in the served database when they still
// ran there. Checked on a scratch database of its own: the leftovers go, stock their orders held
// of catalog products comes back, and a shopper's rows stay.
const scratch = loadConfig({ ...config, POSTGRES_DB: `commerce_scratch_${randomBytes(4).toString('hex')}` });
const admin = connect(loadConfig({ ...config, POSTGRES_DB: 'postgres' }), { max: 1 });
let sql: Sql;

const CATALOG = 'c2d766ca982eca8304150849735ffef9';
const removal = listMigrations().find((m) => m.version === '020_remove_test_data')!;

beforeAll(async () => {
  await admin`create database ${admin(scratch.POSTGRES_DB)}`;
  sql = connect(scratch, { max: 2 });
  await migrate(sql);
});

afterAll(async () => {
  await sql?.end();
  await admin`drop database if exists ${admin(scratch.POSTGRES_DB)} with (force)`;
  await admin.end();
});

async function order(userId: string, status: string, lines: [string, number][]): Promise<string> {
  const [o] = await sql<{ id: string }[]>`
    insert into orders (user_id, status, total_amount, payment_due_at) values (${userId}, ${status}, 100, now()) returning id`;
  for (const [productId, quantity] of lines)
    await sql`insert into order_items (order_id, product_id, title, quantity, unit_amount) values (${o!.id}, ${productId}, 't', ${quantity}, 1)`;
  await sql`insert into order_events (order_id, status) values (${o!.id}, ${status})`;
  return o!.id;
}

describe('migration 020: the suites’ leftovers', () => {
  it('removes test products and users with their orders, carts, reviews and keys, gives back held stock, keeps a shopper’s rows', async () => {
    const products = [CATALOG, 'test-core-1', 'e2e-1a2b3c4d', 'bench-9f8e7d6c-0', 'cdcpipe-abc123-1', 'inval-1a2b3c4d-p1'];
    await sql`insert into products ${sql(products.map((id) => ({ id, pid: id, title: id, price_amount: 100, mrp_amount: 100 })))}`;
    await sql`insert into inventory ${sql(products.map((id) => ({ product_id: id, on_hand: 10, reserved: 0 })))}`;
    const emails = [
      'core-test-1a2b3c4d-0@example.com',
      'e2e-5f1c7a52-3b1e-4c1d-9a7e-2f4b5c6d7e8f@example.com',
      'bench-1a2b3c4d-7@example.com',
      'asha@shop.example',
    ];
    const users = await sql<
      { id: string; email: string }[]
    >`insert into users ${sql(emails.map((email) => ({ email, password_hash: 'x' })))} returning id, email`;
    const [tester, e2e, bench, shopper] = emails.map((e) => users.find((u) => u.email === e)!.id);

    // what the suites did to the catalog product: a pending order holds 2, a paid one sold 3
    await order(tester!, 'pending_payment', [[CATALOG, 2]]);
    await order(e2e!, 'paid', [
      [CATALOG, 3],
      ['e2e-1a2b3c4d', 1],
    ]);
    await sql`update inventory set reserved = 2, on_hand = 7 where product_id = ${CATALOG}`;
    await order(bench!, 'cancelled', [['bench-9f8e7d6c-0', 1]]);
    // a shopper who bought the catalog product and, once, a test product
    const kept = await order(shopper!, 'paid', [[CATALOG, 1]]);
    await order(shopper!, 'pending_payment', [['test-core-1', 1]]);
    const [cart] = await sql<{ id: string }[]>`insert into carts (user_id) values (${shopper!}) returning id`;
    await sql`insert into cart_items ${sql([CATALOG, 'test-core-1'].map((product_id) => ({ cart_id: cart!.id, product_id, quantity: 1 })))}`;
    await sql`insert into carts (user_id) values (${tester!})`;
    await sql`insert into reviews ${sql([
      { product_id: CATALOG, user_id: tester!, rating: 5, title: 't', body: 'b' },
      { product_id: 'test-core-1', user_id: shopper!, rating: 4, title: 't', body: 'b' },
      { product_id: CATALOG, user_id: shopper!, rating: 3, title: 't', body: 'b' },
    ])}`;
    await sql`insert into idempotency_keys ${sql([tester!, shopper!].map((user_id) => ({ user_id, route: 'checkout', key: 'k', request_hash: 'h', state: 'done', expires_at: new Date(Date.now() + 60_000) })))}`;

    const apply = () => sql.begin((tx) => tx.unsafe(removal.sql));
    await apply();

    expect(await sql`select id from products order by id`).toEqual([{ id: CATALOG }]);
    expect(await sql`select product_id, on_hand, reserved from inventory`).toEqual([{ product_id: CATALOG, on_hand: 10, reserved: 0 }]);
    expect(await sql`select email from users`).toEqual([{ email: 'asha@shop.example' }]);
    expect(await sql`select id from orders`).toEqual([{ id: kept }]);
    expect(await sql`select order_id, product_id from order_items`).toEqual([{ order_id: kept, product_id: CATALOG }]);
    expect(await sql`select count(*)::int as n from order_events`).toEqual([{ n: 1 }]);
    expect(await sql`select cart_id, product_id from cart_items`).toEqual([{ cart_id: cart!.id, product_id: CATALOG }]);
    expect(await sql`select count(*)::int as n from carts`).toEqual([{ n: 1 }]);
    expect(await sql`select product_id, user_id from reviews`).toEqual([{ product_id: CATALOG, user_id: shopper! }]);
    expect(await sql`select user_id from idempotency_keys`).toEqual([{ user_id: shopper! }]);

    // applied again (or on a clean database) it changes nothing
    const before = await sql`select * from inventory`;
    await apply();
    expect(await sql`select * from inventory`).toEqual(before);
    expect(await sql`select count(*)::int as n from orders`).toEqual([{ n: 1 }]);
  });
});
