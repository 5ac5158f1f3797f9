import { loadConfig, type Config } from '../../config/index.ts';
import { importCatalog, type ImportSummary } from '../../core/catalog-import/import.ts';
import { connect } from '../../core/db/connect.ts';
import { migrate } from '../../core/db/migrate.ts';

// The database of the suite (or of a bench) beside the served one on the same server: created
// when missing, migrated, and loaded with the catalog. The import is idempotent, so it also
// puts back catalog rows an earlier run edited; on an intact database it writes nothing.
const SETUP_LOCK = 727_002;

type Prepared = { created: boolean; catalog: ImportSummary; ms: number };

export async function prepareIsolatedDatabase(served: Config, isolated: Config): Promise<Prepared> {
  if (isolated.POSTGRES_DB === served.POSTGRES_DB) throw new Error(`the isolated database must not be the served one (${served.POSTGRES_DB})`);
  const started = Date.now();
  const admin = connect(loadConfig({ ...isolated, POSTGRES_DB: 'postgres' }), { max: 1 });
  try {
    // Two runs starting at once (two terminals, CI shards) wait for each other instead of racing.
    await admin`select pg_advisory_lock(${SETUP_LOCK})`;
    const [exists] = await admin`select 1 from pg_database where datname = ${isolated.POSTGRES_DB}`;
    if (!exists) await admin`create database ${admin(isolated.POSTGRES_DB)}`;
    const sql = connect(isolated, { max: 4 });
    try {
      await migrate(sql);
      const catalog = await importCatalog(sql, isolated.catalogCsv, { seed: isolated.CATALOG_SEED });
      return { created: !exists, catalog, ms: Date.now() - started };
    } finally {
      await sql.end();
    }
  } finally {
    await admin.end();
  }
}
