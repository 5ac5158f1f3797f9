import { config } from '../config/index.ts';
import { connect } from '../core/db/connect.ts';
import { migrate } from '../core/db/migrate.ts';
import { importCatalog } from '../core/catalog-import/import.ts';

// Integration suites run against the stack that `npm test` brought up: make sure the schema
// is current and the catalog is loaded before any of them starts.
export default async function setup(): Promise<void> {
  const sql = connect(config, { max: 2 });
  try {
    await migrate(sql);
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from products`;
    if (!row || row.n === 0) await importCatalog(sql, config.catalogCsv, { seed: config.CATALOG_SEED });
  } finally {
    await sql.end();
  }
}
