import { indexAliases } from '../../openapi/internal/read-model.ts';
import type { IndexKind } from './mappings.ts';

// Versioned concrete index names behind the aliases the edge reads.
export const aliasFor = (prefix: string, kind: IndexKind): string => indexAliases(prefix)[kind];

export const versionedIndexName = (prefix: string, kind: IndexKind, version: number): string => `${aliasFor(prefix, kind)}-v${version}`;

/** The version of a concrete index of this alias, or null when the name is not one of ours. */
export function indexVersion(prefix: string, kind: IndexKind, name: string): number | null {
  const head = `${aliasFor(prefix, kind)}-v`;
  if (!name.startsWith(head)) return null;
  const rest = name.slice(head.length);
  return /^[1-9][0-9]*$/.test(rest) ? Number(rest) : null;
}

/** The next version after every existing concrete index of this alias. */
export function nextIndexVersion(prefix: string, kind: IndexKind, existing: readonly string[]): number {
  const versions = existing.map((n) => indexVersion(prefix, kind, n)).filter((v): v is number => v !== null);
  return versions.length === 0 ? 1 : Math.max(...versions) + 1;
}

/** While a reindex builds a new index, the indexer also writes live changes to the indices behind this alias. */
export const buildingAliasFor = (prefix: string, kind: IndexKind): string => `${aliasFor(prefix, kind)}-next`;
