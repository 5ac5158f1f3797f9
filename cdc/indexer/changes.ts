import type { Envelope } from '../../openapi/internal/events.ts';

// Which documents a batch of change events touches, each with the newest source LSN seen for
// it: that LSN becomes the document's external version.

export type Touched = { products: Map<string, number>; reviews: Map<string, number>; truncated: boolean };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

const bump = (m: Map<string, number>, id: string | null, lsn: number) => {
  if (id !== null) m.set(id, Math.max(m.get(id) ?? 0, lsn));
};

export function touchedDocuments(events: readonly Envelope[]): Touched {
  const out: Touched = { products: new Map(), reviews: new Map(), truncated: false };
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
        for (const r of rows) bump(out.products, str(r.product_id), lsn);
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
