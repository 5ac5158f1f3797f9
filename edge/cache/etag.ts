// Validators for HTTP caching, computed with Web Crypto (same in workerd and Node).
const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

export async function etagOf(body: string): Promise<string> {
  return `W/"${(await sha256Hex(body)).slice(0, 32)}"`;
}

/** RFC 9110 If-None-Match with weak comparison: a list of tags, or *. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => opaque(t) === opaque(etag));
}
