import { WEBHOOK_CURSOR_PATTERN } from '../../openapi/schemas/webhooks.ts';

// Keyset cursor over (created_at, id), newest first. Microseconds, as Postgres keeps them: a
// millisecond cursor would skip rows created later in the same millisecond as the last one.
export type Cursor = { createdAtMicros: bigint; id: string };

export const encodeCursor = (c: Cursor): string => `${c.createdAtMicros}_${c.id}`;

/** The cursor, or null when `raw` is not of the contract's form. */
export function decodeCursor(raw: string): Cursor | null {
  const m = WEBHOOK_CURSOR_PATTERN.exec(raw);
  return m ? { createdAtMicros: BigInt(m[1]!), id: m[2]! } : null;
}
