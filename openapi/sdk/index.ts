import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './types.ts';

// The typed client of the Commerce API: openapi-fetch over the generated `paths`.
export type { components, operations, paths } from './types.ts';
export type CommerceClient = Client<paths>;

export type CommerceClientOptions = Omit<ClientOptions, 'baseUrl'> & {
  /** Sent as `Authorization: Bearer <token>` on every request when set. */
  token?: () => string | undefined;
};

export function createCommerceClient(baseUrl: string, opts: CommerceClientOptions = {}): CommerceClient {
  const { token, ...rest } = opts;
  const client = createClient<paths>({ baseUrl, ...rest });
  if (token) {
    client.use({
      onRequest({ request }) {
        const t = token();
        if (t && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${t}`);
        return request;
      },
    });
  }
  return client;
}
