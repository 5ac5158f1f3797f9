import { EnvelopeSchema, type Envelope } from '../../openapi/internal/events.ts';
import type { IncomingMessage } from '../kafka.ts';

// Kafka messages → change events of the contract (openapi/internal/events.ts), pure.
//
// A message that is not an envelope is rejected, not retried: retrying cannot make it one,
// and stopping its partition would stop every later change. Consumers count and log it and
// commit past it; the message stays in Kafka for inspection, and the rows it was about are
// repaired by their next change or a reindex (the indexer re-reads rows from Postgres).

export type RejectKind = 'empty' | 'json' | 'schema';
export type Rejected = { message: IncomingMessage; kind: RejectKind; reason: string };
export type Decoded = { ok: true; envelope: Envelope } | { ok: false; kind: RejectKind; reason: string };

export function decodeEnvelope(value: string | null): Decoded {
  if (value === null || value === '') return { ok: false, kind: 'empty', reason: 'message without a value (tombstone)' };
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (e) {
    return { ok: false, kind: 'json', reason: e instanceof Error ? e.message : String(e) };
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (parsed.success) return { ok: true, envelope: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, kind: 'schema', reason: `${issue?.path.join('.') || '(envelope)'}: ${issue?.message ?? 'invalid'}` };
}

export function decodeBatch(messages: readonly IncomingMessage[]): { events: Envelope[]; rejected: Rejected[] } {
  const events: Envelope[] = [];
  const rejected: Rejected[] = [];
  for (const message of messages) {
    const d = decodeEnvelope(message.value);
    if (d.ok) events.push(d.envelope);
    else rejected.push({ message, kind: d.kind, reason: d.reason });
  }
  return { events, rejected };
}
