import type { Sql } from 'postgres';
import { PUBLISHED_TABLES, SCHEMA, WITHHELD_COLUMNS } from '../tables.ts';

// The publication the relay's slot decodes: exactly the commerce tables that exist, each with
// every column but the withheld ones (a Postgres column list, so they never leave Postgres).

/** A table as the catalog shows it: its columns in order and its replica identity (pg_class.relreplident). */
export type TableShape = { table: string; columns: string[]; replicaIdentity: string };

/** A publication member: the columns listed, or null for every column (also those added later). */
export type PublicationMember = { table: string; columns: string[] | null };

const REPLICA_IDENTITY_FULL = 'f';

/**
 * The members the publication should have. Postgres refuses every UPDATE and DELETE of a table
 * with REPLICA IDENTITY FULL once a publication lists some of its columns, so such a table with
 * withheld columns is an error here rather than a broken write path in core.
 */
export function desiredMembers(shapes: TableShape[], withheld: Partial<Record<string, readonly string[]>> = WITHHELD_COLUMNS): PublicationMember[] {
  return shapes.map(({ table, columns, replicaIdentity }) => {
    const hidden = withheld[table] ?? [];
    if (!columns.some((c) => hidden.includes(c))) return { table, columns: null };
    if (replicaIdentity === REPLICA_IDENTITY_FULL)
      throw new Error(`${SCHEMA}.${table} has REPLICA IDENTITY FULL, so its columns ${hidden.join(', ')} cannot be withheld from the publication; migrate it`);
    return { table, columns: columns.filter((c) => !hidden.includes(c)) };
  });
}

/** True when the publication already has exactly these members (altering it invalidates every decoder's cache). */
export function sameMembers(desired: PublicationMember[], current: PublicationMember[]): boolean {
  const key = (m: PublicationMember) => `${m.table}(${m.columns?.join(',') ?? '*'})`;
  const now = new Set(current.map(key));
  return desired.length === current.length && desired.every((m) => now.has(key(m)));
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The table list of CREATE/ALTER PUBLICATION … TABLE. */
export function tableList(members: PublicationMember[]): string {
  return members.map((m) => `${SCHEMA}.${quoted(m.table)}${m.columns ? ` (${m.columns.map(quoted).join(', ')})` : ''}`).join(', ');
}

async function tableShapes(sql: Sql): Promise<TableShape[]> {
  const rows = await sql<{ table: string; columns: string[]; replica_identity: string }[]>`
    select c.relname::text as table, c.relreplident::text as replica_identity, array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = ${SCHEMA} and c.relkind = 'r' and c.relname in ${sql([...PUBLISHED_TABLES])}
    group by c.relname, c.relreplident`;
  const byName = new Map(rows.map((r) => [r.table, r]));
  return PUBLISHED_TABLES.flatMap((t) => {
    const r = byName.get(t);
    return r ? [{ table: t, columns: r.columns, replicaIdentity: r.replica_identity }] : [];
  });
}

async function currentMembers(sql: Sql, publication: string): Promise<PublicationMember[]> {
  return sql<PublicationMember[]>`
    select c.relname::text as table,
      case when pr.prattrs is null then null else
        (select array_agg(a.attname::text order by a.attnum) from pg_attribute a where a.attrelid = pr.prrelid and a.attnum = any(pr.prattrs::int2[])) end as columns
    from pg_publication p join pg_publication_rel pr on pr.prpubid = p.oid
    join pg_class c on c.oid = pr.prrelid join pg_namespace n on n.oid = c.relnamespace
    where p.pubname = ${publication} and n.nspname = ${SCHEMA}`;
}

/**
 * Creates the publication or sets its members to the desired ones (tables that exist, withheld
 * columns left out); leaves it alone when it already matches. Returns the published tables.
 */
export async function ensurePublication(sql: Sql, publication: string): Promise<string[]> {
  const desired = desiredMembers(await tableShapes(sql));
  const [exists] = await sql`select 1 from pg_publication where pubname = ${publication}`;
  if (!exists) await sql.unsafe(`create publication ${publication} for table ${tableList(desired)}`);
  else if (!sameMembers(desired, await currentMembers(sql, publication))) await sql.unsafe(`alter publication ${publication} set table ${tableList(desired)}`);
  return desired.map((m) => m.table);
}

/** The columns the publication carries for a table, in table order (the snapshot reads only these). */
export async function publishedColumns(sql: Sql, publication: string, table: string): Promise<string[]> {
  const [row] = await sql<{ attnames: string[] }[]>`
    select attnames::text[] as attnames from pg_publication_tables where pubname = ${publication} and schemaname = ${SCHEMA} and tablename = ${table}`;
  if (!row) throw new Error(`${SCHEMA}.${table} is not in the publication ${publication}`);
  return row.attnames;
}
