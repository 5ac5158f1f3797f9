// search_after cursors: the sort values of a page's last hit, opaque to clients (base64url JSON).
export type SortValue = string | number | boolean | null;

export function encodeCursor(values: readonly SortValue[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(values));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The sort values, or null when the cursor was not made by encodeCursor. */
export function decodeCursor(cursor: string): SortValue[] | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const bin = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const values: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0))));
    const ok =
      Array.isArray(values) && values.length > 0 && values.length <= 4 && values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    return ok ? (values as SortValue[]) : null;
  } catch {
    return null;
  }
}
