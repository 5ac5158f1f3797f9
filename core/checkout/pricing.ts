// Pricing in integer paise. Lines of one product are summed before anything is reserved or
// priced, so a product on two lines can never take more stock than the sum of both.
export type LineInput = { product_id: string; quantity: number };
export type CatalogLine = LineInput & { title: string; unit_amount: number | null };
export type PricedLine = LineInput & { title: string; unit_amount: number; line_amount: number };

export type Pricing =
  | { ok: true; lines: PricedLine[]; subtotal: number }
  | { ok: false; error: 'not_for_sale'; product_ids: string[] }
  | { ok: false; error: 'overflow' };

/** Sums quantities per product and orders lines by product id (the lock order). */
export function sumLinesByProduct<T extends LineInput>(lines: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const line of lines) {
    const seen = byId.get(line.product_id);
    byId.set(line.product_id, seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line });
  }
  return [...byId.values()].sort((a, b) => (a.product_id < b.product_id ? -1 : a.product_id > b.product_id ? 1 : 0));
}

export function priceLines(lines: readonly CatalogLine[]): Pricing {
  const summed = sumLinesByProduct(lines);
  const unpriced = summed.filter((l) => l.unit_amount === null).map((l) => l.product_id);
  if (unpriced.length) return { ok: false, error: 'not_for_sale', product_ids: unpriced };
  let subtotal = 0;
  const priced: PricedLine[] = [];
  for (const l of summed) {
    const unit = l.unit_amount as number;
    const line_amount = unit * l.quantity;
    subtotal += line_amount;
    if (!Number.isSafeInteger(line_amount) || !Number.isSafeInteger(subtotal)) return { ok: false, error: 'overflow' };
    priced.push({ product_id: l.product_id, title: l.title, quantity: l.quantity, unit_amount: unit, line_amount });
  }
  return { ok: true, lines: priced, subtotal };
}
