import type { Config } from '../../config/index.ts';
import type { Address, CheckoutResponse } from '../../openapi/schemas/checkout.ts';
import type { Tx } from '../db/types.ts';
import { DomainError } from '../errors/domain-error.ts';
import { reserveStock } from '../inventory/stock.ts';
import { recordEvent } from '../orders/transition.ts';
import { hoardingRefusal, type HoardingLimits } from './hoarding.ts';
import { priceLines, sumLinesByProduct, type CatalogLine } from './pricing.ts';

// Checkout, inside the caller's transaction (the idempotency wrapper's): check the hoarding caps,
// re-price from the catalog, reserve every line (or nothing: a refusal rolls the transaction
// back), create the order awaiting payment, close the cart.
export type CheckoutRules = HoardingLimits & { paymentWindowSeconds: number };

export const checkoutRules = (c: Pick<Config, 'PAYMENT_WINDOW_SECONDS' | 'MAX_UNPAID_ORDERS_PER_USER' | 'MAX_UNITS_PER_PRODUCT_PER_ORDER'>): CheckoutRules => ({
  paymentWindowSeconds: c.PAYMENT_WINDOW_SECONDS,
  maxUnpaidOrders: c.MAX_UNPAID_ORDERS_PER_USER,
  maxUnitsPerProduct: c.MAX_UNITS_PER_PRODUCT_PER_ORDER,
});

/** Open orders past their deadline are not counted: the sweeper is about to cancel them. */
async function unpaidOrders(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx<{ n: number }[]>`
    select count(*)::int as n from orders where user_id = ${userId} and status = 'pending_payment' and payment_due_at > now()`;
  return row!.n;
}

export async function placeOrder(tx: Tx, userId: string, address: Address, rules: CheckoutRules): Promise<CheckoutResponse> {
  // The user's one open cart is locked first, so one user's checkouts run one at a time and the
  // count of unpaid orders cannot be raced past.
  const [cart] = await tx<{ id: string }[]>`select id from carts where user_id = ${userId} and status = 'open' for update`;
  const lines = cart
    ? await tx<(CatalogLine & { archived: boolean })[]>`
        select ci.product_id, ci.quantity, p.title, p.price_amount as unit_amount, p.archived_at is not null as archived
        from cart_items ci join products p on p.id = ci.product_id where ci.cart_id = ${cart.id} order by ci.product_id`
    : [];
  if (!cart || !lines.length) throw new DomainError('cart-empty', 'add products before checking out');
  // A product archived after it went into the cart is no longer sold: nothing is reserved.
  const archived = lines.filter((l) => l.archived).map((l) => l.product_id);
  if (archived.length) throw new DomainError('product-archived', `no longer sold: ${archived.join(', ')}`, { product_ids: archived });
  const hoarding = hoardingRefusal(sumLinesByProduct(lines), await unpaidOrders(tx, userId), rules);
  if (hoarding) throw hoarding;
  const pricing = priceLines(lines);
  if (!pricing.ok) {
    throw pricing.error === 'not_for_sale'
      ? new DomainError('not-for-sale', `no price for ${pricing.product_ids.join(', ')}`, { product_ids: pricing.product_ids })
      : new DomainError('amount-too-large', 'the order total is too large');
  }
  const short = await reserveStock(tx, pricing.lines);
  if (short.length) {
    const detail = short.map((s) => `${s.product_id}: ${s.requested} requested, ${s.available} available`).join('; ');
    throw new DomainError('out-of-stock', detail, { lines: short });
  }
  const [order] = await tx<{ id: string; status: 'pending_payment'; payment_due_at: Date }[]>`
    insert into orders (user_id, cart_id, status, total_amount, shipping_address, payment_due_at)
    values (${userId}, ${cart.id}, 'pending_payment', ${pricing.subtotal}, ${tx.json(address)}, now() + make_interval(secs => ${rules.paymentWindowSeconds}))
    returning id, status, payment_due_at`;
  await tx`insert into order_items ${tx(pricing.lines.map((l) => ({ order_id: order!.id, product_id: l.product_id, title: l.title, quantity: l.quantity, unit_amount: l.unit_amount })))}`;
  await recordEvent(tx, order!.id, 'pending_payment', 'checkout');
  await tx`update carts set status = 'checked_out', updated_at = now() where id = ${cart.id}`;
  return {
    order_id: order!.id,
    status: order!.status,
    amount: { amount: pricing.subtotal, currency: 'INR' },
    payment_due_at: order!.payment_due_at.toISOString(),
  };
}
