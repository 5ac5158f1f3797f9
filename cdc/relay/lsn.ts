// Postgres LSNs ("16/B374D848") as plain numbers: exact below 2^53 bytes of WAL (8 PiB),
// which lets them serve directly as Elasticsearch external versions and JSON values.
export type Lsn = number;

const TWO_32 = 2 ** 32;

export function parseLsn(text: string): Lsn {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!m) throw new Error(`not an LSN: ${text}`);
  return parseInt(m[1]!, 16) * TWO_32 + parseInt(m[2]!, 16);
}

export function formatLsn(lsn: Lsn): string {
  const hi = Math.floor(lsn / TWO_32);
  const lo = lsn - hi * TWO_32;
  return `${hi.toString(16).toUpperCase()}/${lo.toString(16).toUpperCase()}`;
}

export function readLsn(buf: Buffer, offset: number): Lsn {
  return buf.readUInt32BE(offset) * TWO_32 + buf.readUInt32BE(offset + 4);
}

export function writeLsn(buf: Buffer, lsn: Lsn, offset: number): void {
  const hi = Math.floor(lsn / TWO_32);
  buf.writeUInt32BE(hi, offset);
  buf.writeUInt32BE(lsn - hi * TWO_32, offset + 4);
}
