import type { BulkRow } from '../openapi/schemas/admin-catalog.ts';
import type { CommerceClient } from '../openapi/sdk/index.ts';
import { chunkRows, type LineError } from './bulk-csv.ts';

// Sends the rows through POST /admin/catalog/bulk, one chunk after the other so lines apply in
// file order, and collects every refused line. A refused request (its lines unapplied) fails its
// lines with the problem's detail; a refused credential stops the run, as every chunk would fail.

/** Core takes bodies up to 64 KB; a little room below it. */
export const REQUEST_BYTES = 60 * 1024;

export type SendOutcome = { applied: number; failures: LineError[] };

export async function sendBulk(api: CommerceClient, rows: readonly BulkRow[], onProgress: (lines: number) => void = () => {}): Promise<SendOutcome> {
  const out: SendOutcome = { applied: 0, failures: [] };
  const chunks = chunkRows(rows, REQUEST_BYTES);
  for (const [i, chunk] of chunks.entries()) {
    const { data, error, response } = await api.POST('/admin/catalog/bulk', { body: { rows: chunk } });
    if (data) {
      out.applied += data.applied;
      for (const r of data.results) if (!r.ok) out.failures.push({ line: r.line, ...r.error });
    } else {
      const why = `request refused: ${response.status} ${(error as { detail?: string } | undefined)?.detail ?? response.statusText}`;
      for (const r of chunk) out.failures.push({ line: r.line, field: 'line', message: why });
      if (response.status === 401 || response.status === 403) {
        for (const r of chunks.slice(i + 1).flat()) out.failures.push({ line: r.line, field: 'line', message: 'not sent: the credential was refused' });
        onProgress(rows.length);
        return out;
      }
    }
    onProgress(chunk.length);
  }
  return out;
}
