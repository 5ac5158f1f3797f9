import type { Cart } from '../../openapi/schemas/cart.ts';
import { priceLines, type CatalogLine } from '../checkout/pricing.ts';
import { DomainError } from '../errors/domain-error.ts';

// The cart as checkout would price it, through the same rules (priceLines): a product without a
// price is shown at 0, not buyable, and outside the subtotal (checkout refuses it as not for
// sale); a total beyond safe integers is refused here as at checkout.
export type CartRow = CatalogLine & { available: number };

const inr = (amount: number) => ({ amount, currency: 'INR' as const });

export function cartView(cartId: string, rows: readonly CartRow[]): Omit<Cart, 'cart_token'> {
  const pricing = priceLines(rows.filter((r) => r.unit_amount !== null));
  // Every line priced here has a price, so the only refusal left is an overflowing total.
  if (!pricing.ok) throw new DomainError('amount-too-large', 'the cart total is too large');
  const priced = new Map(pricing.lines.map((l) => [l.product_id, l]));
  const items = rows.map((r) => {
    const line = priced.get(r.product_id);
    return {
      product_id: r.product_id,
      title: r.title,
      quantity: r.quantity,
      unit_price: inr(line?.unit_amount ?? 0),
      line_total: inr(line?.line_amount ?? 0),
      available: r.available,
      in_stock: line !== undefined && r.available >= r.quantity,
    };
  });
  return { id: cartId, items, subtotal: inr(pricing.subtotal) };
}
