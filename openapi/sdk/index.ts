import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { retryingFetch, type RetryOptions } from './retry.ts';
import type { paths } from './types.ts';

// The typed client of the Commerce API: openapi-fetch over the generated `paths`, retrying
// 429/503/504 as openapi/sdk/retry.ts says (same Idempotency-Key, Retry-After honoured).
export type { components, operations, paths } from './types.ts';
export type { RetryOptions } from './retry.ts';
export { verifyWebhookSignature, type WebhookVerification } from './webhooks.ts';
export type CommerceClient = Client<paths> & {
  /** The client's fetch without retries, for one call: `api.POST('/payment', { ..., fetch: api.fetchOnce })`. */
  fetchOnce: (request: Request) => Promise<Response>;
};

export type CommerceClientOptions = Omit<ClientOptions, 'baseUrl'> & {
  /** Sent as `Authorization: Bearer <token>` on every request when set. */
  token?: () => string | undefined;
  /** Retries of 429/503/504 (default 4 attempts in all); `false` turns them off for every call. */
  retry?: RetryOptions | false;
};

export function createCommerceClient(baseUrl: string, opts: CommerceClientOptions = {}): CommerceClient {
  const { token, retry, fetch: fetchOnce = (r: Request) => globalThis.fetch(r), ...rest } = opts;
  const client = createClient<paths>({ baseUrl, ...rest, fetch: retry === false ? fetchOnce : retryingFetch(fetchOnce, retry) });
  if (token) {
    client.use({
      onRequest({ request }) {
        const t = token();
        if (t && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${t}`);
        return request;
      },
    });
  }
  return Object.assign(client, { fetchOnce });
}
