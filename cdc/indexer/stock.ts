// Pure: what the stock projection answers after a write, and whether the search document must be
// re-indexed. The document carries only in_stock, so a reservation that leaves units to buy
// changes nothing there; the projection remembers what the document was last indexed with.

export type StockState = { available: number | null; indexedInStock: boolean | null; priced: boolean | null };

const flag = (v: string | undefined): boolean | null => (v === '1' ? true : v === '0' ? false : null);

/** The script's answer for one product, `available:in_stock:priced` with empty parts for unknown fields. */
export function parseStockState(raw: string): StockState {
  const [available, inStock, priced] = raw.split(':');
  return { available: available ? Number(available) : null, indexedInStock: flag(inStock), priced: flag(priced) };
}

export const stockFlag = (v: boolean): string => (v ? '1' : '0');

/** A product never indexed through the projection is re-indexed: the document from Postgres decides. */
export function inStockFlipped(s: StockState): boolean {
  if (s.indexedInStock === null || s.priced === null) return true;
  return s.indexedInStock !== (s.priced && (s.available ?? 0) > 0);
}
