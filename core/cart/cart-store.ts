import { createHash, randomBytes } from 'node:crypto';
import type { Cart, CartLineInput } from '../../openapi/schemas/cart.ts';
import type { Sql, Tx } from '../db/types.ts';
import { sumLinesByProduct } from '../checkout/pricing.ts';
import { DomainError, notFound } from '../errors/domain-error.ts';
import { cartView, type CartRow } from './cart-view.ts';

// Carts belong to a user or to the holder of a guest token. Changes lock the cart row so that
// two requests on one cart apply one after the other.
export type CartOwner = { userId: string } | { guestToken: string };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newGuestToken = () => randomBytes(24).toString('base64url');

async function findOpenCart(db: Sql | Tx, owner: CartOwner): Promise<string | null> {
  const rows =
    'userId' in owner
      ? await db<{ id: string }[]>`select id from carts where user_id = ${owner.userId} and status = 'open'`
      : await db<{ id: string }[]>`select id from carts where guest_token_hash = ${hashToken(owner.guestToken)} and status = 'open'`;
  return rows[0]?.id ?? null;
}

/** The owner's open cart; a user gets one on first use, a guest token must name an open cart. */
export async function openCart(db: Sql | Tx, owner: CartOwner, createGuest = false): Promise<string> {
  const found = await findOpenCart(db, owner);
  if (found) return found;
  if ('userId' in owner) {
    const [created] = await db<{ id: string }[]>`
      insert into carts (user_id) values (${owner.userId}) on conflict (user_id) where status = 'open' do nothing returning id`;
    if (created) return created.id;
  } else if (createGuest) {
    await db`insert into carts (guest_token_hash) values (${hashToken(owner.guestToken)})`;
  }
  const cartId = await findOpenCart(db, owner);
  if (!cartId) throw notFound('cart');
  return cartId;
}

type ProductRow = { id: string; price_amount: number | null; archived: boolean; available: number; in_cart: number };

/** Touching the cart takes its row lock for the rest of the transaction. */
async function lockCart(tx: Tx, cartId: string): Promise<void> {
  await tx`update carts set updated_at = now() where id = ${cartId}`;
}

/** Price, availability and the quantity already in the cart, per product. */
async function products(tx: Tx, ids: string[], cartId: string): Promise<Map<string, ProductRow>> {
  const rows = await tx<ProductRow[]>`
    select p.id, p.price_amount, p.archived_at is not null as archived, coalesce(i.on_hand - i.reserved, 0) as available, coalesce(ci.quantity, 0) as in_cart
    from products p left join inventory i on i.product_id = p.id left join cart_items ci on ci.cart_id = ${cartId} and ci.product_id = p.id
    where p.id = any(${ids})`;
  return new Map(rows.map((r) => [r.id, r]));
}

function checkLine(product: ProductRow | undefined, productId: string, quantity: number, max: number, field: string): void {
  if (!product) throw notFound(`product ${productId}`);
  if (product.archived) throw new DomainError('product-archived', `product ${productId} is no longer sold`, { product_id: productId });
  if (product.price_amount === null) throw new DomainError('not-for-sale', `product ${productId} has no price`, { product_id: productId });
  // a limit of the shop, not of the request's form: the same 422 as checkout's per-product cap
  if (quantity > max) throw new DomainError('order-quantity-limit', `${field}: at most ${max} per line`, { product_id: productId, max });
  if (quantity > product.available) {
    throw new DomainError('out-of-stock', `product ${productId}: ${product.available} available`, {
      product_id: productId,
      requested: quantity,
      available: product.available,
    });
  }
}

export async function addLines(sql: Sql, cartId: string, input: readonly CartLineInput[], maxPerLine: number): Promise<void> {
  await sql.begin(async (tx) => {
    await lockCart(tx, cartId);
    const lines = sumLinesByProduct(input);
    const catalog = await products(
      tx,
      lines.map((l) => l.product_id),
      cartId,
    );
    const next = lines.map((l) => ({ product_id: l.product_id, quantity: (catalog.get(l.product_id)?.in_cart ?? 0) + l.quantity }));
    for (const l of next) {
      checkLine(catalog.get(l.product_id), l.product_id, l.quantity, maxPerLine, `items.${input.findIndex((i) => i.product_id === l.product_id)}.quantity`);
    }
    await tx`
      insert into cart_items ${tx(next.map((l) => ({ cart_id: cartId, ...l })))}
      on conflict (cart_id, product_id) do update set quantity = excluded.quantity`;
  });
}

export async function setLineQuantity(sql: Sql, cartId: string, productId: string, quantity: number, maxPerLine: number): Promise<void> {
  await sql.begin(async (tx) => {
    await lockCart(tx, cartId);
    const product = (await products(tx, [productId], cartId)).get(productId);
    if (!product?.in_cart) throw notFound(`product ${productId} in the cart`);
    checkLine(product, productId, quantity, maxPerLine, 'quantity');
    await tx`update cart_items set quantity = ${quantity} where cart_id = ${cartId} and product_id = ${productId}`;
  });
}

export async function removeLine(sql: Sql, cartId: string, productId: string): Promise<void> {
  const gone = await sql`delete from cart_items where cart_id = ${cartId} and product_id = ${productId} returning product_id`;
  if (!gone.length) throw notFound(`product ${productId} in the cart`);
}

/** Moves a guest cart's lines into the user's open cart (quantities summed, capped per line). */
export async function mergeGuestCart(sql: Sql, guestToken: string, userId: string, maxPerLine: number): Promise<void> {
  await sql.begin(async (tx) => {
    const guestId = await findOpenCart(tx, { guestToken });
    if (!guestId) return;
    const userCart = await openCart(tx, { userId });
    for (const id of [guestId, userCart].sort()) await lockCart(tx, id);
    await tx`
      insert into cart_items (cart_id, product_id, quantity)
      select ${userCart}, product_id, least(quantity, ${maxPerLine}) from cart_items where cart_id = ${guestId}
      on conflict (cart_id, product_id) do update set quantity = least(cart_items.quantity + excluded.quantity, ${maxPerLine})`;
    await tx`update carts set status = 'merged', updated_at = now() where id = ${guestId}`;
  });
}

export async function readCart(sql: Sql, cartId: string): Promise<Omit<Cart, 'cart_token'>> {
  const rows = await sql<CartRow[]>`
    select ci.product_id, p.title, ci.quantity, p.price_amount as unit_amount, coalesce(i.on_hand - i.reserved, 0) as available
    from cart_items ci join products p on p.id = ci.product_id left join inventory i on i.product_id = ci.product_id
    where ci.cart_id = ${cartId} order by ci.added_at, ci.product_id`;
  return cartView(cartId, rows);
}
