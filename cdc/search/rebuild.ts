import type { Sql } from 'postgres';
import type { Logger } from '../log.ts';
import type { SearchClient } from './client.ts';
import { aliasIndices, aliasTargets, createVersionedIndex, ensureIndices } from './indices.ts';
import { aliasFor, buildingAliasFor } from './index-names.ts';
import { writeVersioned } from './bulk.ts';
import { allProducts, allReviews } from './load.ts';
import { withSuggest } from './suggest.ts';
import { indexKinds, type IndexKind } from './mappings.ts';
import { parseLsn } from '../relay/lsn.ts';

// Zero-downtime rebuild without the _reindex API: a new versioned index is filled from
// Postgres while the alias keeps serving the old one, then one atomic _aliases call swaps
// them. During the build the indexer also writes live changes into the new index (it follows
// the "-next" alias), and the rebuild's own writes carry the WAL position taken before its
// snapshot as version, so a live change always wins over the older snapshot copy.

export type RebuildResult = Record<IndexKind, { index: string; documents: number; replaced: string[] }>;

async function load(es: SearchClient, sql: Sql, kind: IndexKind, index: string, version: number): Promise<number> {
  let n = 0;
  await sql.begin('isolation level repeatable read read only', async (tx) => {
    const pages = kind === 'products' ? allProducts(tx as unknown as Sql, 2000) : allReviews(tx as unknown as Sql, 2000);
    for await (const page of pages) {
      await writeVersioned(
        es,
        page.map((d) => ({ index, id: d.id, version, doc: kind === 'products' ? withSuggest(d as never) : d })),
      );
      n += page.length;
    }
  });
  return n;
}

export async function rebuildIndices(es: SearchClient, sql: Sql, prefix: string, log: Logger, opts: { indexerPickupMs?: number } = {}): Promise<RebuildResult> {
  await ensureIndices(es, prefix);
  const result = {} as RebuildResult;
  for (const kind of indexKinds) {
    const alias = aliasFor(prefix, kind);
    const building = buildingAliasFor(prefix, kind);
    const index = await createVersionedIndex(es, prefix, kind, { withAlias: false });
    await es.indices.updateAliases({ actions: [{ add: { index, alias: building } }] });
    log.info('building index', { kind, index });
    // Give running indexers time to notice the new write target before the snapshot is taken.
    await new Promise((r) => setTimeout(r, opts.indexerPickupMs ?? 3000));
    const [{ lsn }] = (await sql`select pg_current_wal_lsn()::text as lsn`) as unknown as [{ lsn: string }];
    const started = Date.now();
    const documents = await load(es, sql, kind, index, parseLsn(lsn));
    await es.indices.refresh({ index });
    const old = (await aliasTargets(es, prefix, kind)).filter((i) => i !== index);
    const stillBuilding = (await aliasIndices(es, building)).filter((i) => i === index);
    await es.indices.updateAliases({
      actions: [
        ...old.map((i) => ({ remove: { index: i, alias } })),
        ...stillBuilding.map((i) => ({ remove: { index: i, alias: building } })),
        { add: { index, alias, is_write_index: true } },
      ],
    });
    if (old.length > 0) await es.indices.delete({ index: old.join(',') }, { ignore: [404] });
    log.info('index swapped', { kind, index, documents, replaced: old, ms: Date.now() - started });
    result[kind] = { index, documents, replaced: old };
  }
  return result;
}
