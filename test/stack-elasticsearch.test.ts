import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { config } from '../config/index.ts';

const es = new Client({ node: config.ELASTICSEARCH_URL });
const index = `stack-test-${randomUUID()}`;
afterAll(async () => {
  await es.indices.delete({ index, ignore_unavailable: true });
  await es.close();
});

describe('the stack Elasticsearch', () => {
  it('is an 8.x server', async () => {
    // this distribution has no root (GET /) handler; the node info carries the version
    const info = await es.nodes.info({ node_id: '_local' });
    const versions = Object.values(info.nodes).map((n) => n.version);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatch(/^8\.19\./);
  });

  it('creates an index, bulk-indexes documents and searches them', async () => {
    await es.indices.create({ index, mappings: { properties: { title: { type: 'text' }, brand: { type: 'keyword' }, price: { type: 'long' } } } });
    const docs = [
      { id: '1', title: 'Samsung Galaxy S9', brand: 'Samsung', price: 5499900 },
      { id: '2', title: 'Wildcraft Backpack', brand: 'Wildcraft', price: 199900 },
      { id: '3', title: 'Samsung Earphones', brand: 'Samsung', price: 99900 },
    ];
    const bulk = await es.bulk({ refresh: 'wait_for', operations: docs.flatMap(({ id, ...d }) => [{ index: { _index: index, _id: id } }, d]) });
    expect(bulk.errors).toBe(false);
    const res = await es.search<{ title: string }>({ index, query: { match: { title: 'samsung' } }, sort: [{ price: 'asc' }] });
    expect(res.hits.hits.map((h) => h._id)).toEqual(['3', '1']);
  });
});
