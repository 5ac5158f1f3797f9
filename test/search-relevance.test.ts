import { afterAll, describe, expect, it } from 'vitest';
import { cdcSql } from '../cdc/db.ts';
import { searchClient } from '../cdc/search/client.ts';
import { config } from '../config/index.ts';
import { ensureEvalIndex } from '../bench/search-eval/eval-index.ts';
import { evaluate } from '../bench/search-eval/evaluate.ts';
import { loadJudgments } from '../bench/search-eval/judgments.ts';

// The judged relevance set (bench/search-eval) against the whole catalog indexed with the code's
// mappings and searched as the edge searches (edge/search/search.ts). Thresholds sit a little under
// the measurement when they were set (P@10 0.924, nDCG@10 0.920, no query without results): a
// change that makes search worse fails here. Before the relevance model: 0.773, 0.754, 2 of 75
// without results; with it 0.911, 0.906; narrow searches widened only when needed 0.912, 0.907;
// the category path's words 0.924, 0.920.
const MIN_P10 = 0.9;
const MIN_NDCG10 = 0.9;
const MAX_ZERO_RESULT_RATE = 0;

const es = searchClient(config.ELASTICSEARCH_URL, { requestTimeoutMs: 120_000 });
const sql = cdcSql(config.databaseUrl, 2);

afterAll(async () => {
  await sql.end({ timeout: 5 });
  await es.close();
});

describe('search relevance over the judged set', () => {
  it(`keeps P@10 ≥ ${MIN_P10}, nDCG@10 ≥ ${MIN_NDCG10} and the zero-result rate ≤ ${MAX_ZERO_RESULT_RATE}`, { timeout: 300_000 }, async () => {
    const { alias } = await ensureEvalIndex(es, sql, config.POSTGRES_DB);
    const { overall, results } = await evaluate(config.ELASTICSEARCH_URL, alias, loadJudgments(), 0);
    const worst = [...results]
      .sort((a, b) => a.ndcg10 - b.ndcg10)
      .slice(0, 5)
      .map((r) => `${r.query}: nDCG@10 ${r.ndcg10.toFixed(2)}`);
    expect(overall.queries).toBeGreaterThanOrEqual(50);
    expect(overall.p10, `worst: ${worst.join(', ')}`).toBeGreaterThanOrEqual(MIN_P10);
    expect(overall.ndcg10, `worst: ${worst.join(', ')}`).toBeGreaterThanOrEqual(MIN_NDCG10);
    expect(
      overall.zeroRate,
      results
        .filter((r) => r.zero)
        .map((r) => r.query)
        .join(', '),
    ).toBeLessThanOrEqual(MAX_ZERO_RESULT_RATE);
  });
});
