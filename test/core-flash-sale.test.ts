import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buy, makeProduct, makeUsers, pay, startCore, stock, type Core } from './core-harness.ts';

// Many buyers, few units: 500 distinct users race for 50 units through core's HTTP API.
const UNITS = 50;
const BUYERS = 500;

let core: Core;
beforeAll(async () => {
  core = await startCore();
});
afterAll(async () => {
  await core.stop();
});

describe('flash sale', () => {
  it.each([1, 2, 3, 4, 5])(`run %i: exactly ${UNITS} units sold, ${BUYERS - UNITS} buyers refused cleanly`, async () => {
    const product = await makeProduct(core.sql, UNITS, 99_900, 'flash');
    const buyers = await makeUsers(core.sql, BUYERS);

    const outcomes = await Promise.all(
      buyers.map(async (user) => {
        const checkout = await buy(core.call, user, [{ product_id: product, quantity: 1 }]);
        if (checkout.status !== 201) return { checkout };
        return { checkout, payment: await pay(core.call, user, checkout.body.order_id) };
      }),
    );

    const statuses = outcomes.flatMap((o) => [o.checkout.status, ...(o.payment ? [o.payment.status] : [])]);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const paid = outcomes.filter((o) => o.payment?.status === 200);
    const refused = outcomes.filter((o) => o.checkout.status === 409);
    expect(paid).toHaveLength(UNITS);
    expect(refused).toHaveLength(BUYERS - UNITS);
    for (const r of refused) {
      expect(r.checkout.headers.get('content-type')).toBe('application/problem+json');
      expect(r.checkout.body.type).toMatch(/out-of-stock$/);
    }
    expect(await stock(core.sql, product)).toEqual({ on_hand: 0, reserved: 0 });

    const [ledger] = await core.sql<{ paid_orders: number; captures: number }[]>`
      select count(distinct o.id)::int as paid_orders, count(p.id)::int as captures
      from orders o join order_items i on i.order_id = o.id left join payments p on p.order_id = o.id and p.status = 'captured'
      where i.product_id = ${product} and o.status = 'paid'`;
    expect(ledger).toEqual({ paid_orders: UNITS, captures: UNITS });
    expect(core.errors).toEqual([]);
  });
});
