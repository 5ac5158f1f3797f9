import type { Sql } from 'postgres';
import type { ProductDocument } from '../../openapi/internal/read-model.ts';
import type { SearchClient } from '../../cdc/search/client.ts';
import { createVersionedIndex } from '../../cdc/search/indices.ts';
import { allProducts } from '../../cdc/search/load.ts';
import { withSuggest } from '../../cdc/search/suggest.ts';

// Node-only test support (never imported by the Worker): builds a private read model under
// its own index prefix from the real catalog rows, with cdc/'s mappings and documents, so
// edge tests do not depend on the CDC indexer having run and never touch the shared indices.

/** Products whose title or brand contains any of `terms`, plus the first `extra` by id. */
export async function loadCatalogSlice(sql: Sql, terms: string[], extra: number): Promise<ProductDocument[]> {
  const wanted = terms.map((t) => t.toLowerCase());
  const out: ProductDocument[] = [];
  let seen = 0;
  for await (const page of allProducts(sql)) {
    for (const d of page) {
      const text = `${d.title} ${d.brand ?? ''}`.toLowerCase();
      if (seen++ < extra || wanted.some((t) => text.includes(t))) out.push(d);
    }
  }
  return out;
}

export async function seedProducts(es: SearchClient, prefix: string, docs: ProductDocument[]): Promise<void> {
  await createVersionedIndex(es, prefix, 'products', { withAlias: true });
  await createVersionedIndex(es, prefix, 'reviews', { withAlias: true });
  for (let i = 0; i < docs.length; i += 1000) {
    const chunk = docs.slice(i, i + 1000);
    const res = await es.bulk({
      index: `${prefix}-products`,
      refresh: i + 1000 >= docs.length ? 'wait_for' : false,
      operations: chunk.flatMap((d) => [{ index: { _id: d.id } }, withSuggest(d)]),
    });
    if (res.errors) throw new Error(`seeding ${prefix} failed: ${JSON.stringify(res.items.find((it) => it.index?.error)?.index?.error)}`);
  }
}
