import type { SearchClient } from './client.ts';
import { indexDefinitions, indexKinds, type IndexKind } from './mappings.ts';
import { aliasFor, nextIndexVersion, versionedIndexName } from './index-names.ts';

// Index lifecycle: concrete indices `<prefix>-<kind>-v<N>` behind the read-model aliases.

/** Concrete indices currently behind the alias (empty when the alias does not exist). */
export async function aliasTargets(es: SearchClient, prefix: string, kind: IndexKind): Promise<string[]> {
  return aliasIndices(es, aliasFor(prefix, kind));
}

export async function aliasIndices(es: SearchClient, alias: string): Promise<string[]> {
  const res = await es.indices.getAlias({ name: alias }, { ignore: [404] });
  return Object.keys(res as Record<string, unknown>).filter((k) => k !== 'error' && k !== 'status');
}

/** Creates a concrete index with the explicit mappings, optionally already behind its alias. */
export async function createVersionedIndex(es: SearchClient, prefix: string, kind: IndexKind, opts: { withAlias: boolean }): Promise<string> {
  const existing = await es.cat.indices({ index: `${aliasFor(prefix, kind)}-v*`, format: 'json', h: 'index' });
  const name = versionedIndexName(
    prefix,
    kind,
    nextIndexVersion(
      prefix,
      kind,
      existing.map((r) => r.index ?? ''),
    ),
  );
  const { settings, mappings } = indexDefinitions[kind];
  await es.indices.create({ index: name, settings, mappings, aliases: opts.withAlias ? { [aliasFor(prefix, kind)]: { is_write_index: true } } : undefined });
  return name;
}

/**
 * Makes sure both aliases exist, each on a versioned index; returns the concrete index behind
 * each. Safe to race: a concurrent creator wins and we use its index.
 */
export async function ensureIndices(es: SearchClient, prefix: string): Promise<Record<IndexKind, string>> {
  const out = {} as Record<IndexKind, string>;
  for (const kind of indexKinds) {
    let targets = await aliasTargets(es, prefix, kind);
    if (targets.length === 0) {
      try {
        await createVersionedIndex(es, prefix, kind, { withAlias: true });
      } catch (e) {
        // A concurrent creator won: it made the same version (already exists) or, listing after
        // it, we chose the next one and ES refused a second write index for the alias.
        if ((await aliasTargets(es, prefix, kind)).length === 0) throw e;
      }
      targets = await aliasTargets(es, prefix, kind);
    }
    out[kind] = targets.sort()[targets.length - 1]!;
  }
  return out;
}

/** Deletes every concrete index of the prefix (tests and benchmarks clean up their own prefix). */
export async function dropIndices(es: SearchClient, prefix: string): Promise<void> {
  for (const kind of indexKinds) await es.indices.delete({ index: `${aliasFor(prefix, kind)}-v*` }, { ignore: [404] });
}
