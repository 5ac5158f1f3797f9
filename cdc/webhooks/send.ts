import { lookup } from 'node:dns/promises';
import { webhookUrlProblem } from '../../openapi/internal/webhook-url.ts';
import type { WebhookEvent } from '../../openapi/schemas/webhook-events.ts';
import type { AttemptOutcome } from './deliveries.ts';
import { signatureHeader } from './signature.ts';

// One delivery attempt: the URL rule again (DNS may have changed since the endpoint was
// registered), then a signed POST. 2xx is delivered; any other status, a timeout or a
// connection error is a failed attempt. Redirects are not followed: the target of one never
// passed the URL rule.

export type AttemptResult = AttemptOutcome & { delivered: boolean };

const resolveHost = async (host: string): Promise<string[]> => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

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
}): Promise<AttemptResult> {
  const started = performance.now();
  const failed = (error: string, statusCode: number | null = null): AttemptResult => ({
    delivered: false,
    statusCode,
    error,
    durationMs: performance.now() - started,
  });
  const problem = await webhookUrlProblem(opts.url, opts.production, resolveHost);
  if (problem) return failed(problem);
  const body = eventBody(opts.event);
  try {
    const res = await fetch(opts.url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'commerce-webhooks/1',
        'webhook-id': opts.event.id,
        'webhook-signature': signatureHeader(opts.secret, Math.floor(Date.now() / 1000), body),
      },
      body,
      signal: AbortSignal.any([AbortSignal.timeout(opts.timeoutMs), opts.shutdown]),
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { delivered: true, statusCode: res.status, error: null, durationMs: performance.now() - started };
    return failed(`HTTP ${res.status}`, res.status);
  } catch (e) {
    return failed(describeFailure(e, opts.timeoutMs));
  }
}

function describeFailure(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && e.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
  if (e instanceof Error && e.name === 'AbortError') return 'aborted: sender stopping';
  const cause = e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ? `connection failed: ${cause.code}` : `connection failed: ${cause?.message ?? String(e)}`;
}
