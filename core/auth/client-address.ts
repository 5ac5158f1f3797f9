// Whose attempt a sign-in is, for the per-address limit. Core is reached through the edge, so
// the socket's peer is the edge; the edge names the client in X-Forwarded-For. That header is
// believed only from the peers of CORE_TRUSTED_PROXIES (anyone else could write any address in
// it), and only its last entry, the one the trusted peer wrote.
export const parseTrustedProxies = (setting: string): ReadonlySet<string> =>
  new Set(
    setting
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: ReadonlySet<string>): string {
  if (peer === undefined) return 'unknown';
  if (!trusted.has(peer) || !forwardedFor) return peer;
  return forwardedFor.split(',').at(-1)!.trim() || peer;
}
