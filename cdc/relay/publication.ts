import type { Sql } from 'postgres';
import { PUBLISHED_TABLES, SCHEMA } from '../tables.ts';

// The publication the relay's slot decodes: exactly the commerce tables that exist.

export async function existingPublishedTables(sql: Sql): Promise<string[]> {
  const rows = await sql<{ tablename: string }[]>`select tablename from pg_tables where schemaname = ${SCHEMA} and tablename in ${sql([...PUBLISHED_TABLES])}`;
  const present = new Set(rows.map((r) => r.tablename));
  return PUBLISHED_TABLES.filter((t) => present.has(t));
}

/**
 * Creates the publication or sets its table list to exactly the commerce tables that exist;
 * leaves it alone when it already matches (altering it invalidates every decoder's cache).
 */
export async function ensurePublication(sql: Sql, publication: string): Promise<string[]> {
  const tables = await existingPublishedTables(sql);
  const list = tables.map((t) => `${SCHEMA}.${t}`).join(', ');
  const [exists] = await sql`select 1 from pg_publication where pubname = ${publication}`;
  if (!exists) await sql.unsafe(`create publication ${publication} for table ${list}`);
  else {
    const current = await sql<{ tablename: string }[]>`select tablename from pg_publication_tables where pubname = ${publication} and schemaname = ${SCHEMA}`;
    const same = current.length === tables.length && current.every((r) => tables.includes(r.tablename as never));
    if (!same) await sql.unsafe(`alter publication ${publication} set table ${list}`);
  }
  return tables;
}
