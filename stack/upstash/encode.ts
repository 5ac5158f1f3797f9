// Turns a Redis reply (as ioredis returns it with callBuffer) into Upstash's JSON `result`:
// bulk and status strings become UTF-8 text, or base64 when the client sent
// `Upstash-Encoding: base64` (the @upstash/redis default, which keeps binary values intact).
export type Reply = Buffer | string | number | null | Reply[];
export type Encoded = string | number | null | Encoded[];

export function encodeReply(reply: Reply, base64: boolean): Encoded {
  if (reply === null || typeof reply === 'number') return reply;
  if (Array.isArray(reply)) return reply.map((r) => encodeReply(r, base64));
  const buf = typeof reply === 'string' ? Buffer.from(reply) : reply;
  return base64 ? buf.toString('base64') : buf.toString('utf8');
}

/** A command as Upstash accepts it: a non-empty JSON array of strings and numbers. */
export function parseCommand(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  if (!value.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) return null;
  return value.map(String);
}

/** A /pipeline or /multi-exec body: a non-empty array of commands. */
export function parseCommands(value: unknown): string[][] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const parsed = value.map(parseCommand);
  return parsed.every((p): p is string[] => p !== null) ? parsed : null;
}
