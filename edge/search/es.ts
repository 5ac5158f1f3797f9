import type { estypes } from '@elastic/elasticsearch';

// Read-only Elasticsearch over fetch: the official client cannot run in workerd.
export class SearchUnavailable extends Error {}

export type Es = {
  search<T>(index: string, body: estypes.SearchRequest): Promise<estypes.SearchResponse<T>>;
  /** The document's _source, or null when the index has no such id. */
  get<T>(index: string, id: string): Promise<T | null>;
};

// Uncompressed answers: gzip cost Elasticsearch ~15% of an uncached search's CPU (and the edge as
// much again to inflate), and Elasticsearch's CPU is what every uncached read waits for.
const ACCEPT = { 'accept-encoding': 'identity' };

export function createEs(baseUrl: string, timeoutMs: number): Es {
  const base = baseUrl.replace(/\/$/, '');
  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? ACCEPT : { ...ACCEPT, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new SearchUnavailable(`elasticsearch unreachable: ${(e as Error).message}`);
    }
    if (res.status >= 500 || res.status === 429) throw new SearchUnavailable(`elasticsearch answered ${res.status}`);
    return res;
  }
  async function json<T>(res: Response, what: string): Promise<T> {
    const body = (await res.json()) as T & { error?: { type?: string; reason?: string } };
    if (!res.ok) {
      // A missing alias means the indexer has not built the read model yet: nothing to serve.
      if (body.error?.type === 'index_not_found_exception') throw new SearchUnavailable(`${what}: ${body.error.reason}`);
      throw new Error(`${what} failed with ${res.status}: ${JSON.stringify(body.error)}`);
    }
    return body;
  }
  return {
    async search<T>(index: string, body: estypes.SearchRequest) {
      return json<estypes.SearchResponse<T>>(await call('POST', `/${encodeURIComponent(index)}/_search`, body), 'search');
    },
    async get<T>(index: string, id: string) {
      const res = await call('GET', `/${encodeURIComponent(index)}/_doc/${encodeURIComponent(id)}`);
      if (res.status === 404) {
        const body = (await res.json()) as { found?: boolean; error?: { type?: string; reason?: string } };
        if (body.found === false) return null;
        throw new SearchUnavailable(`get: ${body.error?.reason ?? 'not found'}`);
      }
      return (await json<estypes.GetGetResult<T>>(res, 'get'))._source ?? null;
    },
  };
}
