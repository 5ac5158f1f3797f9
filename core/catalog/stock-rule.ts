import { MAX_UNITS } from '../../openapi/schemas/admin-catalog.ts';

// What an operator's stock change leaves on hand. Units reserved by orders awaiting payment are
// promised to those buyers: the shelf may never hold fewer than that.

export type StockLevel = { on_hand: number; reserved: number };
export type StockChange = { delta: number } | { on_hand: number };

/** The stock change a body or bulk line asks for (their schemas allow one of the two at most). */
export const stockChangeOf = (b: { delta?: number | undefined; on_hand?: number | undefined }): StockChange | null =>
  b.delta !== undefined ? { delta: b.delta } : b.on_hand !== undefined ? { on_hand: b.on_hand } : null;

export type StockDecision = { ok: true; on_hand: number } | { ok: false; wanted: number; reason: 'below-reserved' | 'too-many' };

export function nextOnHand(current: StockLevel, change: StockChange): StockDecision {
  const wanted = 'delta' in change ? current.on_hand + change.delta : change.on_hand;
  if (wanted < current.reserved) return { ok: false, wanted, reason: 'below-reserved' };
  if (wanted > MAX_UNITS) return { ok: false, wanted, reason: 'too-many' };
  return { ok: true, on_hand: wanted };
}
