import type { Envelope } from '../../openapi/internal/events.ts';
import { availableUnits } from '../search/documents.ts';

// Which documents a batch of change events touches, each with the newest source LSN seen for
// it: that LSN becomes the document's external version. Inventory changes touch no document:
// they are stock changes (the newest per product), which re-index a product only when its
// in_stock flips (see stock.ts).

export type StockChange = { lsn: number; available: number };
export type Touched = { products: Map<string, number>; reviews: Map<string, number>; stock: Map<string, StockChange>; truncated: boolean };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

const bump = (m: Map<string, number>, id: string | null, lsn: number) => {
  if (id !== null) m.set(id, Math.max(m.get(id) ?? 0, lsn));
};

const int = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : null);

function stockChange(m: Map<string, StockChange>, id: string | null, lsn: number, available: number): void {
  if (id !== null && (m.get(id)?.lsn ?? -1) <= lsn) m.set(id, { lsn, available });
}

export function touchedDocuments(events: readonly Envelope[]): Touched {
  const out: Touched = { products: new Map(), reviews: new Map(), stock: new Map(), truncated: false };
  for (const e of events) {
    const lsn = e.source.lsn;
    if (e.op === 't') {
      out.truncated = true;
      continue;
    }
    const rows = [e.before, e.after].filter((r) => r !== null);
    switch (e.source.table) {
      case 'products':
        for (const r of rows) bump(out.products, str(r.id), lsn);
        break;
      case 'inventory':
        // a deleted row (or the old key of a moved one) leaves nothing to buy
        if (e.before && str(e.before.product_id) !== str(e.after?.product_id)) stockChange(out.stock, str(e.before.product_id), lsn, 0);
        if (e.after) stockChange(out.stock, str(e.after.product_id), lsn, availableUnits(int(e.after.on_hand), int(e.after.reserved)));
        break;
      case 'reviews':
        for (const r of rows) {
          bump(out.reviews, str(r.id), lsn);
          bump(out.products, str(r.product_id), lsn);
        }
        break;
    }
  }
  return out;
}
