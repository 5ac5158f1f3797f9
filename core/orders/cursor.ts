import { z } from 'zod';
import { fail } from '../http/problem-error.ts';

// Opaque keyset cursor: the (created_at, id) of the last order on the previous page.
const CursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });
export type Cursor = z.infer<typeof CursorSchema>;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const parsed = CursorSchema.safeParse({ createdAt, id });
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the 400 below
  }
  return fail(400, 'validation', 'Invalid request', 'cursor: not a cursor from this API', { errors: [{ field: 'query.cursor', message: 'invalid cursor' }] });
}
