import type { Sql } from 'postgres';
import { parseLsn } from '../relay/lsn.ts';
import { availableUnits } from '../search/documents.ts';
import type { IndexerRedis } from './cache.ts';
import type { StockChange } from './changes.ts';

// The stock projection starts from Postgres, once per Redis database (and again if Redis lost
// it): inventory events only arrive for products whose stock changes. The values carry the WAL
// position read before them, so any change committed after it (a newer LSN) overwrites them and
// any event from before it (replayed from Kafka) does not.
export async function seedStockOnce(sql: Sql, redis: IndexerRedis): Promise<number | null> {
  if (await redis.stockSeeded()) return null;
  const [wal] = await sql<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
  const at = parseLsn(wal!.lsn);
  const rows = await sql<{ product_id: string; on_hand: number; reserved: number }[]>`select product_id, on_hand, reserved from inventory`;
  const changes = new Map<string, StockChange>(rows.map((r) => [r.product_id, { lsn: at, available: availableUnits(r.on_hand, r.reserved) }]));
  await redis.writeStock(changes);
  await redis.markStockSeeded();
  return rows.length;
}
