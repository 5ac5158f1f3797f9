import type { Sql } from 'postgres';
import { PUBLISHED_TABLES, SCHEMA } from '../tables.ts';
import type { Relation } from './pgoutput.ts';

// Postgres-side setup and lookups of the relay: publication, slot bookkeeping, table shapes.

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

// Whether the slot's initial snapshot reached Kafka completely. A slot without this mark was
// interrupted during its snapshot and is recreated.
export async function ensureStateTable(sql: Sql): Promise<void> {
  await sql`create table if not exists cdc_relay_state (slot text primary key, snapshot_lsn text not null, snapshot_completed_at timestamptz not null default now())`;
}

export async function snapshotCompleted(sql: Sql, slot: string): Promise<boolean> {
  const [row] = await sql`select 1 from cdc_relay_state where slot = ${slot}`;
  return Boolean(row);
}

export async function markSnapshotCompleted(sql: Sql, slot: string, lsn: string): Promise<void> {
  await sql`insert into cdc_relay_state (slot, snapshot_lsn) values (${slot}, ${lsn})
            on conflict (slot) do update set snapshot_lsn = excluded.snapshot_lsn, snapshot_completed_at = now()`;
}

export async function slotExists(sql: Sql, slot: string): Promise<boolean> {
  const [row] = await sql`select 1 from pg_replication_slots where slot_name = ${slot}`;
  return Boolean(row);
}

/** Drops the slot (waiting for a previous holder to let go) and forgets its snapshot mark. */
export async function dropSlot(sql: Sql, slot: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const [row] = await sql<{ active_pid: number | null }[]>`select active_pid from pg_replication_slots where slot_name = ${slot}`;
    if (!row) break;
    if (row.active_pid === null) {
      await sql`select pg_drop_replication_slot(${slot})`;
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await sql`delete from cdc_relay_state where slot = ${slot}`.catch(() => undefined);
}

export async function slotLagBytes(sql: Sql, slot: string): Promise<number | null> {
  const [row] = await sql<
    { lag: number | null }[]
  >`select (pg_current_wal_lsn() - confirmed_flush_lsn)::float8 as lag from pg_replication_slots where slot_name = ${slot}`;
  return row?.lag ?? null;
}

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
