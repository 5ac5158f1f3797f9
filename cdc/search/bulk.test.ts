import { describe, expect, it } from 'vitest';
import { bulkOperations, classifyBulkItems } from './bulk.ts';

describe('bulkOperations', () => {
  it('indexes and deletes with external versions', () => {
    expect(
      bulkOperations([
        { index: 'i', id: 'a', version: 5, doc: { x: 1 } },
        { index: 'i', id: 'b', version: 6, doc: null },
      ]),
    ).toEqual([
      { index: { _index: 'i', _id: 'a', version: 5, version_type: 'external' } },
      { x: 1 },
      { delete: { _index: 'i', _id: 'b', version: 6, version_type: 'external' } },
    ]);
  });
});

describe('classifyBulkItems', () => {
  it('treats version conflicts and missing deletes as settled, anything else non-2xx as failure', () => {
    const item = (action: string, status: number, error?: object) => ({ [action]: { _index: 'i', _id: `${action}${status}`, status, error } });
    const out = classifyBulkItems([
      item('index', 201),
      item('index', 200),
      item('index', 409),
      item('delete', 200),
      item('delete', 404),
      item('delete', 409),
      item('index', 429, { type: 'es_rejected_execution_exception', reason: 'queue full' }),
      item('index', 404, { type: 'index_not_found_exception' }),
    ] as never);
    expect(out).toEqual({
      written: 3,
      stale: 2,
      missing: 1,
      failures: [
        { id: 'index429', status: 429, reason: 'queue full' },
        { id: 'index404', status: 404, reason: 'index_not_found_exception' },
      ],
    });
  });
});
