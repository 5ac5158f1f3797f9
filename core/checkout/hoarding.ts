import { DomainError } from '../errors/domain-error.ts';
import type { LineInput } from './pricing.ts';

// Caps that keep scripted accounts from holding a flash sale's stock: a user may hold only a few
// unpaid orders at once, and one order only so many units of a product. Checked at checkout,
// after the cart is locked, over the lines summed per product.
export type HoardingLimits = { maxUnpaidOrders: number; maxUnitsPerProduct: number };

export function hoardingRefusal(lines: readonly LineInput[], unpaidOrders: number, limits: HoardingLimits): DomainError | null {
  if (unpaidOrders >= limits.maxUnpaidOrders) {
    return new DomainError(
      'too-many-unpaid-orders',
      `you already have ${unpaidOrders} unpaid orders (at most ${limits.maxUnpaidOrders}): pay or cancel one first`,
      { unpaid_orders: unpaidOrders, limit: limits.maxUnpaidOrders },
    );
  }
  const over = lines.filter((l) => l.quantity > limits.maxUnitsPerProduct).map((l) => ({ product_id: l.product_id, requested: l.quantity }));
  if (!over.length) return null;
  const detail = over.map((l) => `${l.product_id}: ${l.requested} requested`).join('; ');
  return new DomainError('order-quantity-limit', `at most ${limits.maxUnitsPerProduct} units of a product per order (${detail})`, {
    lines: over,
    limit: limits.maxUnitsPerProduct,
  });
}
