import { readFileSync } from 'node:fs';

// The synonyms file (synonyms.txt, Solr format) as the list synonym_graph accepts inline, so index
// settings work on any 8.x cluster without deploying a file to its nodes.

/** The rules of a Solr-format synonyms text: blank lines and # comments dropped, spacing normalised. */
export function parseSynonyms(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line.length > 0)
    .map((line) =>
      line
        .split(',')
        .map((t) => t.trim().replace(/\s+/g, ' '))
        .join(', '),
    );
}

export const catalogSynonyms: string[] = parseSynonyms(readFileSync(new URL('./synonyms.txt', import.meta.url), 'utf8'));
