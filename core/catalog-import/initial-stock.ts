import { createHash } from 'node:crypto';

// Deterministic starting stock so tests and demos can rely on it: the same seed and id
// always give the same units. About 1 product in 20 starts out of stock; the rest get
// 5-200 units. A product with no price is not for sale and gets none.
export function initialStock(seed: number, productId: string, priced: boolean): number {
  if (!priced) return 0;
  const h = createHash('sha256').update(`${seed}:${productId}`).digest().readUInt32BE(0);
  return h % 20 === 0 ? 0 : 5 + (h % 196);
}
