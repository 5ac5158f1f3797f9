import { Redis } from '@upstash/redis';
import { cacheKeys, stockKeys, STOCK_AVAILABLE_FIELD } from '../../openapi/internal/read-model.ts';
import type { StockChange } from './changes.ts';
import { parseStockState, stockFlag, type StockState } from './stock.ts';

// All the indexer's Redis, through the Upstash REST API: cache invalidation and the live stock.
//
// Invalidation: each touched product's hash goes, and (when a search document changed) one bump
// of the catalog version retires every search/suggest entry. It happens twice. A read that
// missed the cache just before the change can still be loading the old document (or searching
// before the index refresh) and store it after the first delete; the second one, once every
// such read has finished, retires that copy too, so a stale entry lives seconds instead of a
// whole cache TTL.
//
// Stock: one script call per batch writes each product's available units unless the hash
// already holds a newer LSN, and answers what the hash holds afterwards.
export type IndexerRedis = {
  invalidate(productIds: readonly string[], opts?: { searches: boolean }): Promise<void>;
  writeStock(changes: ReadonlyMap<string, StockChange>): Promise<Map<string, StockState>>;
  /** What each product's search document was just indexed with. */
  markIndexed(docs: readonly { id: string; inStock: boolean; priced: boolean }[]): Promise<void>;
  stockSeeded(): Promise<boolean>;
  markStockSeeded(): Promise<void>;
  close(): void;
};

export const SECOND_INVALIDATION_MS = 2000;
const CHUNK = 500;

const WRITE_STOCK = `
local out = {}
for i, key in ipairs(KEYS) do
  local lsn = tonumber(ARGV[2 * i - 1])
  if lsn > tonumber(redis.call('HGET', key, 'lsn') or '-1') then
    redis.call('HSET', key, 'lsn', ARGV[2 * i - 1], '${STOCK_AVAILABLE_FIELD}', ARGV[2 * i])
  end
  local v = redis.call('HMGET', key, '${STOCK_AVAILABLE_FIELD}', 'in_stock', 'priced')
  out[i] = (v[1] or '') .. ':' .. (v[2] or '') .. ':' .. (v[3] or '')
end
return out`;

export function indexerRedis(url: string, token: string, indexPrefix: string, secondAfterMs = SECOND_INVALIDATION_MS): IndexerRedis {
  const redis = new Redis({ url, token, retry: { retries: 3, backoff: (n) => Math.min(1000, 50 * 2 ** n) }, automaticDeserialization: false });
  const writeStock = redis.createScript<string[]>(WRITE_STOCK);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const retire = async (ids: readonly string[], searches: boolean) => {
    const p = redis.pipeline();
    for (let i = 0; i < ids.length; i += CHUNK) p.del(...ids.slice(i, i + CHUNK).map((id) => cacheKeys.product(indexPrefix, id)));
    if (searches) p.incr(cacheKeys.catalogVersion(indexPrefix));
    await p.exec();
  };
  return {
    async invalidate(ids, { searches } = { searches: true }) {
      if (ids.length === 0) return;
      await retire(ids, searches);
      const timer = setTimeout(() => {
        timers.delete(timer);
        // best effort: the first delete already happened, the entry TTL bounds the rest
        retire(ids, searches).catch(() => undefined);
      }, secondAfterMs);
      timer.unref?.();
      timers.add(timer);
    },
    async writeStock(changes) {
      const out = new Map<string, StockState>();
      const entries = [...changes];
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        const states = await writeStock.exec(
          chunk.map(([id]) => stockKeys.product(indexPrefix, id)),
          chunk.flatMap(([, c]) => [String(c.lsn), String(c.available)]),
        );
        for (const [j, [id]] of chunk.entries()) out.set(id, parseStockState(states[j] ?? '::'));
      }
      return out;
    },
    async markIndexed(docs) {
      if (docs.length === 0) return;
      const p = redis.pipeline();
      for (const d of docs) p.hset(stockKeys.product(indexPrefix, d.id), { in_stock: stockFlag(d.inStock), priced: stockFlag(d.priced) });
      await p.exec();
    },
    stockSeeded: async () => (await redis.exists(stockKeys.seeded(indexPrefix))) === 1,
    async markStockSeeded() {
      await redis.set(stockKeys.seeded(indexPrefix), new Date().toISOString());
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

// One SCAN step and the deletion of what it matched, as a script: the local Upstash bridge (like
// a restricted Upstash token) refuses SCAN itself, and scripts run what they call.
const DELETE_STEP = `
local found = redis.call('SCAN', ARGV[1], 'MATCH', ARGV[2], 'COUNT', 5000)
if #found[2] > 0 then redis.call('DEL', unpack(found[2])) end
return {found[1], #found[2]}`;

/** Deletes every key the indexer and the edge name by this index prefix (stock projection, product pages, catalog version); how many went. */
export async function deleteProjection(url: string, token: string, indexPrefix: string): Promise<number> {
  const redis = new Redis({ url, token, automaticDeserialization: false });
  const step = redis.createScript<[string, number]>(DELETE_STEP);
  let deleted = Number(await redis.del(stockKeys.seeded(indexPrefix), cacheKeys.catalogVersion(indexPrefix)));
  for (const match of [stockKeys.product(indexPrefix, '*'), cacheKeys.product(indexPrefix, '*')]) {
    let cursor = '0';
    do {
      const [next, n] = await step.exec([], [cursor, match]);
      deleted += Number(n);
      cursor = String(next);
    } while (cursor !== '0');
  }
  return deleted;
}
