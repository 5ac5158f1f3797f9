import type { SearchClient } from '../../cdc/search/client.ts';
import { buildSearchQuery } from '../../edge/search/build-query.ts';
import { searchTotal } from '../../edge/search/to-response.ts';
import { SearchQuerySchema } from '../../openapi/schemas/search.ts';
import type { JudgedQuery } from './judgments.ts';
import { mean, ndcgAt, percentile, precisionAt } from './metrics.ts';

// Runs every judged query with the very body the edge sends (edge/search/build-query.ts) and
// scores the first page of 10.
export const K = 10;

export type QueryResult = {
  query: string;
  kind: string;
  total: number;
  p10: number;
  ndcg10: number;
  zero: boolean;
  /** Elasticsearch's median `took` over the timed runs (ms). */
  took: number;
  top: { id: string; title: string }[];
};
export type Evaluation = {
  results: QueryResult[];
  overall: { p10: number; ndcg10: number; zeroRate: number; tookP50: number; tookP99: number; queries: number };
};

type Hit = { id: string; title: string };

async function run(es: SearchClient, alias: string, query: string) {
  const params = SearchQuerySchema.parse({ query, size: String(K) });
  const built = buildSearchQuery(params, null);
  if ('error' in built) throw new Error(built.error.message);
  const res = await es.search<Hit>({ index: alias, ...built.body });
  return { res, total: searchTotal(res, params) };
}

/** `repeats` timed runs per query after one warm-up; `took` is Elasticsearch's own figure. */
export async function evaluate(es: SearchClient, alias: string, judged: readonly JudgedQuery[], repeats = 3): Promise<Evaluation> {
  const results: QueryResult[] = [];
  const took: number[] = [];
  for (const q of judged) {
    const { res, total } = await run(es, alias, q.query);
    const timed: number[] = [];
    for (let i = 0; i < repeats; i++) timed.push((await run(es, alias, q.query)).res.took);
    took.push(...timed);
    const top = res.hits.hits.map((h) => ({ id: h._source!.id, title: h._source!.title }));
    const ids = top.map((t) => t.id);
    results.push({
      query: q.query,
      kind: q.kind,
      total,
      p10: precisionAt(K, ids, q.grades),
      ndcg10: ndcgAt(K, ids, q.grades),
      zero: total === 0,
      took: percentile(timed, 50),
      top,
    });
  }
  return {
    results,
    overall: {
      p10: mean(results.map((r) => r.p10)),
      ndcg10: mean(results.map((r) => r.ndcg10)),
      zeroRate: results.filter((r) => r.zero).length / results.length,
      tookP50: percentile(took, 50),
      tookP99: percentile(took, 99),
      queries: results.length,
    },
  };
}
