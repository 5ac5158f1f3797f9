import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { EdgeOptions } from './app.ts';
import type { Sha256 } from './cache/etag.ts';
import type { RequestHeader } from './http/hot-front.ts';
import { readDocsBundle } from './docs/node-bundle.ts';

// What the edge uses on Node where Workers would give it the runtime's own facilities.

// node:crypto hashes a 10 KB page in ~9 µs where Web Crypto's digest takes ~60 µs of CPU on Node
// (a job, a promise and a thread-pool hop per call).
export const nodeSha256: Sha256 = async (text) => createHash('sha256').update(text).digest('hex');

// The headers object Node parsed for the request (@hono/node-server passes the IncomingMessage
// as the env): a property read, where the Request's Headers validate and lower-case the name and
// normalise the value on every get (a quarter of the hot front's own work on a cached read).
// Node trims the values and joins repeated ones, as Headers do.
export const nodeRequestHeader: RequestHeader = (request, runtimeEnv, name) => {
  const headers = (runtimeEnv as { incoming?: IncomingMessage } | undefined)?.incoming?.headers;
  if (headers === undefined) return request.headers.get(name) ?? undefined;
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

export const nodeEdgeOptions = {
  runtime: 'node',
  clientIp: (c) => getConnInfo(c).remote.address ?? 'unknown',
  requestHeader: nodeRequestHeader,
  sha256: nodeSha256,
  docsBundle: readDocsBundle(),
} satisfies EdgeOptions;
