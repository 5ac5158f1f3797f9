import { config } from '../../config/index.ts';
import { connect } from './connect.ts';
import { migrate } from './migrate.ts';

// `npm run db:migrate`
const sql = connect(config, { max: 1 });
try {
  const applied = await migrate(sql, (m) => console.error(m));
  console.error(applied.length ? `migrated: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await sql.end();
}
