import { Client } from '@elastic/elasticsearch';

// The one place that constructs the Elasticsearch client.
export type SearchClient = Client;

export function searchClient(url: string, opts: { requestTimeoutMs?: number; maxRetries?: number } = {}): SearchClient {
  return new Client({ node: url, requestTimeout: opts.requestTimeoutMs ?? 30_000, maxRetries: opts.maxRetries ?? 3 });
}
