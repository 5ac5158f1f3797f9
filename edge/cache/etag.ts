// Validators for HTTP caching, computed with Web Crypto (same in workerd and Node).
const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of a string's UTF-8 bytes, as hex. */
export type Sha256 = (text: string) => Promise<string>;

/** Web Crypto's, the one every runtime has (Node passes a faster one: see edge/node-runtime.ts). */
export const sha256Hex: Sha256 = async (text) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

export async function etagOf(body: string, sha256: Sha256 = sha256Hex): Promise<string> {
  return `W/"${(await sha256(body)).slice(0, 32)}"`;
}

/** RFC 9110 If-None-Match with weak comparison: a list of tags, or *. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => opaque(t) === opaque(etag));
}
