import { ADMIN_ORDER_CURSOR_PATTERN } from '../../openapi/schemas/admin-orders.ts';

// Keyset cursor of the operators' order list: the (created_at, id) of the last order of the
// previous page at the database's own precision (microseconds), so orders placed within one
// millisecond are neither skipped nor repeated across pages.
export type AdminCursor = { createdAt: string; id: string };

/** `createdUs`: created_at in epoch microseconds, as the database gives it (text, to keep every digit). */
export function encodeAdminCursor(createdUs: string, id: string): string {
  return `${createdUs}_${id}`;
}

/** The cursor with created_at as an ISO instant carrying all six fractional digits, or null when `raw` is not a cursor. */
export function decodeAdminCursor(raw: string): AdminCursor | null {
  const m = ADMIN_ORDER_CURSOR_PATTERN.exec(raw);
  if (!m) return null;
  const us = BigInt(m[1]!);
  const ms = new Date(Number(us / 1000n)).toISOString();
  return { createdAt: ms.replace(/Z$/, `${String(us % 1000n).padStart(3, '0')}Z`), id: m[2]! };
}
