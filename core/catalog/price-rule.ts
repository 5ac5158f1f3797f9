// A price change keeps the price at or below the MRP. A change may name one of the two (a bulk
// line): the other keeps its current value, and only a pair that both exist is compared.

export type Prices = { price_amount: number | null; mrp_amount: number | null };
export type PriceChange = { price_amount?: number | undefined; mrp_amount?: number | undefined };

export type PriceDecision = { ok: true; prices: Prices } | { ok: false; field: 'price_amount' | 'mrp_amount'; message: string };

export function nextPrices(current: Prices, change: PriceChange): PriceDecision {
  const prices = { price_amount: change.price_amount ?? current.price_amount, mrp_amount: change.mrp_amount ?? current.mrp_amount };
  if (prices.price_amount !== null && prices.mrp_amount !== null && prices.price_amount > prices.mrp_amount) {
    // name the field the caller changed, the price when it changed both
    const field = change.price_amount !== undefined ? 'price_amount' : 'mrp_amount';
    return { ok: false, field, message: `price ${prices.price_amount} exceeds MRP ${prices.mrp_amount}` };
  }
  return { ok: true, prices };
}
