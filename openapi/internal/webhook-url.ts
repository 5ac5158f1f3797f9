import ipaddr from 'ipaddr.js';

// Where a webhook may be sent. In production an endpoint must be https and every address its
// host resolves to must be public, so an operator (or a stolen operator token) cannot point
// deliveries at the shop's own network. Core checks at registration, the sender before every
// attempt (DNS can change). Outside production tests post to receivers on loopback.

/** Resolves a host name to its addresses (IPv4 and IPv6); injected so the rule stays pure. */
export type ResolveHost = (host: string) => Promise<string[]>;

export const ADDRESS_NOT_ALLOWED = 'address not allowed';

// IPv6 forms that carry an IPv4 address in their last 32 bits: mapped (::ffff:a.b.c.d),
// translated (::ffff:0:a.b.c.d, RFC 6145) and NAT64 (64:ff9b::a.b.c.d, RFC 6052). They are
// judged by the IPv4 address they reach.
const carriesIPv4: ReadonlySet<string> = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052']);

function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const [hi = 0, lo = 0] = ip.parts.slice(6);
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/**
 * True when `address` (an IP literal, IPv6 with or without brackets) is a public unicast
 * address. Everything else — loopback, private, unique-local, link-local, CGNAT, unspecified,
 * broadcast, multicast, reserved and documentation ranges, 6to4/Teredo tunnels — is refused,
 * and so is anything that is not an address at all.
 */
export function isPublicAddress(address: string): boolean {
  const literal = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(literal)) return false;
  const ip = ipaddr.parse(literal);
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  const v6 = ip as ipaddr.IPv6;
  if (v6.zoneId) return false;
  const range = v6.range();
  if (carriesIPv4.has(range)) return embeddedIPv4(v6).range() === 'unicast';
  return range === 'unicast';
}

/** The URL's problem before any lookup (scheme, form), or null. */
export function webhookUrlFormProblem(url: string, production: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an http or https URL';
  if (production && parsed.protocol !== 'https:') return 'must be https';
  if (!parsed.hostname) return 'must name a host';
  return null;
}

/**
 * Why `url` may not receive webhooks, or null when it may. In production the host (an IP
 * literal, or every address a name resolves to) must be public.
 */
export async function webhookUrlProblem(url: string, production: boolean, resolve: ResolveHost): Promise<string | null> {
  const formProblem = webhookUrlFormProblem(url, production);
  if (formProblem || !production) return formProblem;
  // WHATWG URL parsing already normalises 2130706433, 0x7f.1 and friends to dotted IPv4.
  const host = new URL(url).hostname;
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  let addresses: string[];
  if (ipaddr.isValid(literal)) addresses = [literal];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return `host ${host} does not resolve`;
    }
  }
  if (addresses.length === 0) return `host ${host} does not resolve`;
  const refused = addresses.find((a) => !isPublicAddress(a));
  return refused === undefined ? null : `host ${host} resolves to ${refused}: ${ADDRESS_NOT_ALLOWED} (private, loopback or link-local)`;
}
