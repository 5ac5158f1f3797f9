import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { config } from '../config/index.ts';
import { connect } from '../core/db/connect.ts';

const sql = connect(config, { max: 2 });
afterAll(() => sql.end());

describe('the stack PostgreSQL', () => {
  it('runs with logical WAL and room for replication slots', async () => {
    const [wal] = await sql`show wal_level`;
    const [slots] = await sql`show max_replication_slots`;
    const [senders] = await sql`show max_wal_senders`;
    expect(wal!.wal_level).toBe('logical');
    expect(Number(slots!.max_replication_slots)).toBeGreaterThanOrEqual(10);
    expect(Number(senders!.max_wal_senders)).toBeGreaterThanOrEqual(10);
  });

  it('creates and drops a logical replication slot', async () => {
    const slot = `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await sql`select pg_create_logical_replication_slot(${slot}, 'pgoutput')`;
    const [row] = await sql`select plugin, slot_type from pg_replication_slots where slot_name = ${slot}`;
    expect(row).toEqual({ plugin: 'pgoutput', slot_type: 'logical' });
    await sql`select pg_drop_replication_slot(${slot})`;
    expect(await sql`select 1 from pg_replication_slots where slot_name = ${slot}`).toHaveLength(0);
  });

  it('has the catalog schema with the stock invariant enforced by the database', async () => {
    const id = `test-pg-${randomUUID()}`;
    await sql`insert into products (id, pid, title, price_amount, mrp_amount) values (${id}, 'P', 'Probe', 100, 100)`;
    try {
      await sql`insert into inventory (product_id, on_hand) values (${id}, 1)`;
      await expect(sql`update inventory set reserved = 2 where product_id = ${id}`).rejects.toThrow(/check constraint/);
      await expect(sql`update inventory set on_hand = -1, reserved = 0 where product_id = ${id}`).rejects.toThrow(/check constraint/);
    } finally {
      await sql`delete from products where id = ${id}`;
    }
  });
});
