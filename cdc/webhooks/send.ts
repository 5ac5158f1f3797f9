import { lookup } from 'node:dns/promises';
import { webhookUrlProblem, type ResolveHost } from '../../openapi/internal/webhook-url.ts';
import type { WebhookEvent } from '../../openapi/schemas/webhook-events.ts';
import type { AttemptOutcome } from './deliveries.ts';
import { postJson, publicOnlyLookup, type ResolveAll } from './post.ts';
import { signatureHeader } from './signature.ts';

// One delivery attempt: the URL rule again (DNS may have changed since the endpoint was
// registered), then a signed POST, whose connection in production the rule checks once more on
// the addresses it connects to (post.ts). 2xx is delivered; any other status, a timeout or a
// connection error is a failed attempt. Redirects are not followed: the target of one never
// passed the URL rule.

export type AttemptResult = AttemptOutcome & { delivered: boolean };

const resolveHost: ResolveHost = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
const productionLookup = publicOnlyLookup();

/** The body as sent: the event's fields in their documented order (the stored jsonb does not keep it). */
export const eventBody = (e: WebhookEvent): string => JSON.stringify({ id: e.id, type: e.type, created: e.created, data: e.data });

export async function attemptDelivery(opts: {
  url: string;
  secret: string;
  event: WebhookEvent;
  production: boolean;
  timeoutMs: number;
  /** Aborted when the sender stops. */
  shutdown: AbortSignal;
  /** Tests' resolvers: the one the rule asks first and the one the connection uses. */
  resolve?: { check: ResolveHost; connect: ResolveAll };
}): Promise<AttemptResult> {
  const started = performance.now();
  const failed = (error: string, statusCode: number | null = null): AttemptResult => ({
    delivered: false,
    statusCode,
    error,
    durationMs: performance.now() - started,
  });
  const problem = await webhookUrlProblem(opts.url, opts.production, opts.resolve?.check ?? resolveHost);
  if (problem) return failed(problem);
  const body = eventBody(opts.event);
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  try {
    const status = await postJson(
      opts.url,
      {
        'content-type': 'application/json',
        'user-agent': 'commerce-webhooks/1',
        'webhook-id': opts.event.id,
        'webhook-signature': signatureHeader(opts.secret, Math.floor(Date.now() / 1000), body),
      },
      body,
      {
        signal: AbortSignal.any([timeout, opts.shutdown]),
        lookup: opts.production ? (opts.resolve ? publicOnlyLookup(opts.resolve.connect) : productionLookup) : undefined,
      },
    );
    if (status >= 200 && status < 300) return { delivered: true, statusCode: status, error: null, durationMs: performance.now() - started };
    return failed(`HTTP ${status}`, status);
  } catch (e) {
    if (opts.shutdown.aborted) return failed('aborted: sender stopping');
    if (timeout.aborted) return failed(`timeout after ${opts.timeoutMs} ms`);
    return failed(describeFailure(e));
  }
}

function describeFailure(e: unknown): string {
  const error = e as NodeJS.ErrnoException;
  if (error.code === 'EADDRNOTALLOWED') return error.message;
  return error.code ? `connection failed: ${error.code}` : `connection failed: ${error.message ?? String(e)}`;
}
