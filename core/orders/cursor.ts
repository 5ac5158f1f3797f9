import { z } from 'zod';

// Opaque keyset cursor: the (created_at, id) of the last order on the previous page.
const CursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });
export type Cursor = z.infer<typeof CursorSchema>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

/** The cursor, or null when `raw` was not made by encodeCursor (the caller decides what that means). */
export function decodeCursor(raw: string): Cursor | null {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const parsed = CursorSchema.safeParse({ createdAt, id });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
