import { config } from '../../config/index.ts';
import { createLogger, errorFields } from '../log.ts';
import { cdcSql } from '../db.ts';
import { searchClient } from './client.ts';
import { rebuildIndices } from './rebuild.ts';

// npm run search:reindex — rebuild the products and reviews indices from Postgres and swap
// the aliases with zero downtime.
const log = createLogger(config.LOG_LEVEL, { service: 'search-reindex' });
const sql = cdcSql(config.databaseUrl, 2);
const es = searchClient(config.ELASTICSEARCH_URL, { requestTimeoutMs: 120_000 });
try {
  const result = await rebuildIndices(es, sql, config.SEARCH_INDEX_PREFIX, log);
  log.info('reindex complete', result);
} catch (e) {
  log.error('reindex failed', errorFields(e));
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 5 });
  await es.close();
}
