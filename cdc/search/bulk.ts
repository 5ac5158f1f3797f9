import type { estypes } from '@elastic/elasticsearch';
import type { SearchClient } from './client.ts';

// Versioned bulk writes: every operation carries version_type external, so Elasticsearch keeps
// whichever write has the highest version and answers 409 to older ones — which is success here.

export type VersionedOp = { index: string; id: string; version: number; doc: object | null };

export function bulkOperations(ops: readonly VersionedOp[]): estypes.BulkRequest['operations'] {
  return ops.flatMap((o) =>
    o.doc === null
      ? [{ delete: { _index: o.index, _id: o.id, version: o.version, version_type: 'external' as const } }]
      : [{ index: { _index: o.index, _id: o.id, version: o.version, version_type: 'external' as const } }, o.doc],
  );
}

export type BulkOutcome = { written: number; stale: number; missing: number; failures: Array<{ id: string; status: number; reason: string }> };

/** Sorts item results: 409 = an equal or newer version is already there; 404 on delete = nothing to delete. */
export function classifyBulkItems(items: estypes.BulkResponse['items']): BulkOutcome {
  const out: BulkOutcome = { written: 0, stale: 0, missing: 0, failures: [] };
  for (const item of items) {
    const [action, r] = Object.entries(item)[0] as [string, estypes.BulkResponseItem];
    if (r.status === 409) out.stale++;
    else if (action === 'delete' && r.status === 404) out.missing++;
    else if (r.status >= 200 && r.status < 300) out.written++;
    else out.failures.push({ id: String(r._id), status: r.status, reason: r.error?.reason ?? r.error?.type ?? 'unknown' });
  }
  return out;
}

export async function writeVersioned(es: SearchClient, ops: readonly VersionedOp[], opts: { refresh?: boolean } = {}): Promise<BulkOutcome> {
  if (ops.length === 0) return { written: 0, stale: 0, missing: 0, failures: [] };
  const res = await es.bulk({ operations: bulkOperations(ops), refresh: opts.refresh ?? false });
  const outcome = classifyBulkItems(res.items);
  if (outcome.failures.length > 0) throw new Error(`bulk failures: ${JSON.stringify(outcome.failures.slice(0, 3))}`);
  return outcome;
}
