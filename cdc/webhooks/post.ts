import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { ADDRESS_NOT_ALLOWED, isPublicAddress } from '../../openapi/internal/webhook-url.ts';

// A delivery's POST, over node:http(s) rather than fetch: in production the socket connects only
// to addresses the URL rule allows, judged by the lookup the connection itself uses. A check
// before the request and a second resolution by the client (fetch) left a gap: a name answering a
// public address to the check and 127.0.0.1 to the connection (DNS rebinding) reached the shop's
// own network. Redirects are not followed.

/** dns.lookup's shape with `all`: injected by tests. */
export type ResolveAll = (hostname: string, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const resolveWithSystem: ResolveAll = (hostname, callback) => systemLookup(hostname, { all: true, verbatim: true }, callback);

/** net.connect's lookup, answering only when every address the name resolves to is public. */
export function publicOnlyLookup(resolve: ResolveAll = resolveWithSystem): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (err, addresses) => {
      if (err) return callback(err, '');
      const refused = addresses.length === 0 ? 'nothing' : addresses.find((a) => !isPublicAddress(a.address))?.address;
      if (refused !== undefined) {
        const error: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${refused}: ${ADDRESS_NOT_ALLOWED}`);
        error.code = 'EADDRNOTALLOWED';
        return callback(error, '');
      }
      const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
      const wanted = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
      if (options.all) return callback(null, wanted);
      const first = wanted[0];
      if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}

/** POSTs `body` and resolves with the response's status (its body is discarded). */
export function postJson(url: string, headers: Record<string, string>, body: string, opts: { signal: AbortSignal; lookup?: LookupFunction }): Promise<number> {
  const request = new URL(url).protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal: opts.signal, lookup: opts.lookup },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
