import type { Sql } from 'postgres';
import { SCHEMA } from '../tables.ts';
import type { Relation } from './pgoutput.ts';

// Table shapes looked up in Postgres's system catalog (pg_class, pg_attribute, pg_index):
// primary keys for message keys, and the Relation of a table for rows the snapshot reads.

export async function primaryKeyOf(sql: Sql, relationOid: number): Promise<string[]> {
  const rows = await sql<{ attname: string }[]>`
    select a.attname from pg_index i
    join lateral unnest(i.indkey) with ordinality as k(attnum, n) on true
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indrelid = ${relationOid} and i.indisprimary order by k.n`;
  return rows.map((r) => r.attname);
}

/** The table's shape as a pgoutput Relation, for rows read by the snapshot. */
export async function relationOf(sql: Sql, table: string): Promise<Relation> {
  const rows = await sql<{ oid: number; attname: string; atttypid: number; atttypmod: number }[]>`
    select c.oid::int8 as oid, a.attname, a.atttypid::int8 as atttypid, a.atttypmod
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = ${SCHEMA} and c.relname = ${table} order by a.attnum`;
  if (rows.length === 0) throw new Error(`table ${SCHEMA}.${table} not found`);
  return {
    oid: rows[0]!.oid,
    schema: SCHEMA,
    table,
    replicaIdentity: 'd',
    columns: rows.map((r) => ({ name: r.attname, typeOid: r.atttypid, typeMod: r.atttypmod, isKey: false })),
  };
}
