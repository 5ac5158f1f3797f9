import type { estypes } from '@elastic/elasticsearch';
import { buildSearchQuery } from '../../edge/search/build-query.ts';
import { createEs, type Es } from '../../edge/search/es.ts';
import { runSearch } from '../../edge/search/search.ts';
import { SearchQuerySchema } from '../../openapi/schemas/search.ts';
import type { JudgedQuery } from './judgments.ts';
import { mean, ndcgAt, percentile, precisionAt } from './metrics.ts';

// Runs every judged query as the edge does (edge/search/search.ts: the very bodies, the widening,
// the respelling) and scores the first page of 10.
export const K = 10;

export type QueryResult = {
  query: string;
  kind: string;
  total: number;
  p10: number;
  ndcg10: number;
  zero: boolean;
  /** Elasticsearch's median `took` over the timed runs, summed over a run's searches (ms). */
  took: number;
  top: { id: string; title: string }[];
};
export type Evaluation = {
  results: QueryResult[];
  overall: { p10: number; ndcg10: number; zeroRate: number; tookP50: number; tookP99: number; queries: number };
};

async function run(es: Es, alias: string, query: string) {
  const params = SearchQuerySchema.parse({ query, size: String(K) });
  const built = buildSearchQuery(params, null);
  if ('error' in built) throw new Error(built.error.message);
  let took = 0;
  const timed: Es = {
    ...es,
    async search<T>(index: string, body: estypes.SearchRequest) {
      const res = await es.search<T>(index, body);
      took += res.took;
      return res;
    },
  };
  const res = await runSearch(timed, alias, params, built);
  return { res, took };
}

/** `repeats` timed runs per query after one warm-up; `took` is Elasticsearch's own figure. */
export async function evaluate(esUrl: string, alias: string, judged: readonly JudgedQuery[], repeats = 3): Promise<Evaluation> {
  const es = createEs(esUrl, 120_000);
  const results: QueryResult[] = [];
  const took: number[] = [];
  for (const q of judged) {
    const { res } = await run(es, alias, q.query);
    const total = res.total;
    const timed: number[] = [];
    for (let i = 0; i < repeats; i++) timed.push((await run(es, alias, q.query)).took);
    took.push(...timed);
    const top = res.items.map((h) => ({ id: h.id, title: h.title }));
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
