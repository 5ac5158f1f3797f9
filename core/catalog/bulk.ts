import type { BulkLineResult, BulkResult, BulkRow } from '../../openapi/schemas/admin-catalog.ts';
import { recordAudit } from '../audit/record.ts';
import type { OperatorClaims } from '../auth/session.ts';
import type { Sql } from '../db/types.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Logger } from '../log.ts';
import { changePrices } from './prices.ts';
import { readProduct } from './product-store.ts';
import { changeStock } from './stock-adjust.ts';
import { stockChangeOf } from './stock-rule.ts';

// Bulk price and stock changes: every line in its own transaction with its own audit row
// (action product.bulk_update, before and after of what the line changed), so a refused line
// leaves the lines before and after it applied. One product's lines apply in line order.

export const BULK_DEFAULT_REASON = 'bulk update';

/** The field and reason a refused line is reported with (pure). */
export function lineError(err: unknown): { field: string; message: string } | null {
  if (!(err instanceof DomainError)) return null;
  if (err.code === 'not-found') return { field: 'product_id', message: err.message };
  const first = (err.details.errors as { field: string; message: string }[] | undefined)?.[0];
  return first ?? { field: 'line', message: err.message };
}

async function applyLine(sql: Sql, actor: OperatorClaims, row: BulkRow): Promise<void> {
  await sql.begin(async (tx) => {
    const product = await readProduct(tx, row.product_id, { lock: true });
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (row.price_amount !== undefined || row.mrp_amount !== undefined) {
      const prices = await changePrices(tx, product, { price_amount: row.price_amount, mrp_amount: row.mrp_amount });
      Object.assign(before, prices.before);
      Object.assign(after, prices.after);
    }
    const stockChange = stockChangeOf(row);
    if (stockChange) {
      const stock = await changeStock(tx, row.product_id, stockChange);
      Object.assign(before, { on_hand: stock.before.on_hand, reserved: stock.before.reserved });
      Object.assign(after, { on_hand: stock.after.on_hand, reserved: stock.after.reserved });
    }
    await recordAudit(tx, actor, {
      action: 'product.bulk_update',
      entity: 'product',
      entityId: row.product_id,
      before,
      after,
      reason: row.reason ?? BULK_DEFAULT_REASON,
    });
  });
}

/** Products whose lines apply at the same time, each on its own connection. */
const BULK_CONCURRENCY = 4;

export async function applyBulk(sql: Sql, actor: OperatorClaims, rows: readonly BulkRow[], log: Logger): Promise<BulkResult> {
  const results: BulkLineResult[] = new Array(rows.length);
  const apply = async (i: number) => {
    const row = rows[i]!;
    try {
      await applyLine(sql, actor, row);
      results[i] = { line: row.line, ok: true };
    } catch (e) {
      const error = lineError(e);
      if (!error) log('error', 'bulk line failed', { line: row.line, product_id: row.product_id, error: (e as Error).message });
      results[i] = { line: row.line, ok: false, error: error ?? { field: 'line', message: 'not applied: unexpected error, retry the line' } };
    }
  };
  // one product's lines in file order; different products' lines side by side
  const queues = linesByProduct(rows).values();
  const worker = async () => {
    for (let q = queues.next(); !q.done; q = queues.next()) for (const i of q.value) await apply(i);
  };
  await Promise.all(Array.from({ length: BULK_CONCURRENCY }, worker));
  const applied = results.filter((r) => r.ok).length;
  return { applied, failed: results.length - applied, results };
}

/** The indexes of each product's lines, in file order (pure). */
export function linesByProduct(rows: readonly Pick<BulkRow, 'product_id'>[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [i, r] of rows.entries()) out.set(r.product_id, [...(out.get(r.product_id) ?? []), i]);
  return out;
}
