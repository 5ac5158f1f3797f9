import { ORDER_CURSOR_PATTERN } from '../../openapi/schemas/orders.ts';

// Keyset cursor: the (created_at, id) of the last order on the previous page, as the contract
// describes it (ORDER_CURSOR_PATTERN), so any cursor a client can write is a place in the list.
export type Cursor = { createdAt: string; id: string };

export function encodeCursor(c: Cursor): string {
  return `${Date.parse(c.createdAt)}_${c.id}`;
}

/** The cursor, or null when `raw` is not of the contract's form (the caller decides what that means). */
export function decodeCursor(raw: string): Cursor | null {
  const m = ORDER_CURSOR_PATTERN.exec(raw);
  return m ? { createdAt: new Date(Number(m[1])).toISOString(), id: m[2]! } : null;
}
