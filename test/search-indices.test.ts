import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testEs } from './cdc-harness.ts';
import { aliasTargets, dropIndices, ensureIndices } from '../cdc/search/indices.ts';
import { indexKinds } from '../cdc/search/mappings.ts';

// Indexers started together each make sure the indices exist: they must settle on one index per
// alias, whichever creates it (two failover indexers once raced to v1 and v2 and the second
// creation failed with "alias has more than one write index").
const es = testEs();
const prefix = `indices-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await dropIndices(es, prefix);
  await es.close();
});

describe('ensureIndices', () => {
  it('four at once on a fresh prefix all answer the same index per alias, and one exists', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => ensureIndices(es, prefix)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    for (const kind of indexKinds) expect(await aliasTargets(es, prefix, kind)).toEqual([answers[0]![kind]]);
  });
});
