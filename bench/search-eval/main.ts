import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cdcSql } from '../../cdc/db.ts';
import { searchClient } from '../../cdc/search/client.ts';
import { config } from '../../config/index.ts';
import { ensureEvalIndex } from './eval-index.ts';
import { evaluate } from './evaluate.ts';
import { loadJudgments } from './judgments.ts';

// `npm run search:eval [-- --titles N] [-- --json file]`: the judged queries against an index of the
// whole catalog built with the code's mappings; prints P@10, nDCG@10 and zero results per query and
// overall, and Elasticsearch's `took` p50/p99 over the set.
const { values } = parseArgs({ options: { titles: { type: 'string', default: '0' }, json: { type: 'string' }, repeats: { type: 'string', default: '5' } } });
const es = searchClient(config.ELASTICSEARCH_URL, { requestTimeoutMs: 120_000 });
const sql = cdcSql(config.databaseUrl, 2);
try {
  const started = Date.now();
  const { alias, built } = await ensureEvalIndex(es, sql, config.POSTGRES_DB);
  console.log(`index ${alias} (${built ? `built in ${Date.now() - started} ms` : 'reused'})`);
  const { results, overall } = await evaluate(config.ELASTICSEARCH_URL, alias, loadJudgments(), Number(values.repeats));
  const f = (x: number) => x.toFixed(2);
  console.log(`${'query'.padEnd(24)} ${'kind'.padEnd(11)} P@10 nDCG@10 ${'total'.padStart(6)} took zero`);
  for (const r of results) {
    console.log(
      `${r.query.padEnd(24)} ${r.kind.padEnd(11)} ${f(r.p10)} ${f(r.ndcg10).padStart(7)} ${String(r.total).padStart(6)} ${String(r.took).padStart(4)} ${r.zero ? 'ZERO' : ''}`,
    );
    for (const t of r.top.slice(0, Number(values.titles))) console.log(`    ${t.title.slice(0, 100)}`);
  }
  console.log(
    `overall over ${overall.queries} queries: P@10 ${overall.p10.toFixed(3)}, nDCG@10 ${overall.ndcg10.toFixed(3)}, zero-result rate ${overall.zeroRate.toFixed(3)}; Elasticsearch took p50 ${overall.tookP50} ms, p99 ${overall.tookP99} ms`,
  );
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ overall, results }, null, 1)}\n`);
} finally {
  await sql.end({ timeout: 5 });
  await es.close();
}
