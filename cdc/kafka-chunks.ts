// Kafka rejects a produce request whose record batch for a partition exceeds the broker's
// message.max.bytes, and kafkajs sends everything of one call in one request: a large
// transaction (a catalog import, a backlog after downtime) must go out in several requests.
// Order is kept: chunks are consecutive slices, sent one after another.
export const MAX_REQUEST_BYTES = 512 * 1024;
const PER_MESSAGE_OVERHEAD = 70; // record header, varints, timestamp deltas

export const messageBytes = (m: { key: string | null; value: string }) =>
  Buffer.byteLength(m.value) + (m.key === null ? 0 : Buffer.byteLength(m.key)) + PER_MESSAGE_OVERHEAD;

/** Consecutive slices of at most `maxBytes` each; a message larger than that travels alone. */
export function chunkByBytes<T extends { key: string | null; value: string }>(messages: readonly T[], maxBytes = MAX_REQUEST_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const m of messages) {
    const bytes = messageBytes(m);
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(m);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
