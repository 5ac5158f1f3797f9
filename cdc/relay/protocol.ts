import { readLsn, writeLsn, type Lsn } from './lsn.ts';

// The streaming replication sub-protocol carried in CopyData frames.
// https://www.postgresql.org/docs/current/protocol-replication.html

export type ReplicationFrame = { kind: 'xlog'; walStart: Lsn; walEnd: Lsn; payload: Buffer } | { kind: 'keepalive'; walEnd: Lsn; replyRequested: boolean };

export function parseFrame(frame: Buffer): ReplicationFrame | null {
  if (frame[0] === 0x77) return { kind: 'xlog', walStart: readLsn(frame, 1), walEnd: readLsn(frame, 9), payload: frame.subarray(25) };
  if (frame[0] === 0x6b) return { kind: 'keepalive', walEnd: readLsn(frame, 1), replyRequested: frame[17] === 1 };
  return null;
}

const PG_EPOCH_MS = 946_684_800_000;

/** Standby status update: what we wrote, flushed (= safely in Kafka) and applied. */
export function standbyStatus(flushed: Lsn, nowMs: number, replyRequested = false): Buffer {
  const b = Buffer.alloc(34);
  b[0] = 0x72; // 'r'
  writeLsn(b, flushed, 1);
  writeLsn(b, flushed, 9);
  writeLsn(b, flushed, 17);
  b.writeBigInt64BE(BigInt(nowMs - PG_EPOCH_MS) * 1000n, 25);
  b[33] = replyRequested ? 1 : 0;
  return b;
}
