/**
 * The exception that stopped Elasticsearch's last boot, from its log: the message line after
 * "fatal exception while booting" and each "Caused by:", without stack frames. Null when the
 * log shows no failed boot (e.g. the node is merely slow).
 */
export function bootError(log: string): string | null {
  const lines = log.split('\n');
  let start = -1;
  for (let i = lines.length - 1; i >= 0 && start < 0; i--) if (lines[i]?.includes('fatal exception while booting')) start = i;
  if (start < 0) return null;
  // the exception usually starts on the next line; some layouts glue it to the marker
  const first = lines[start]?.split('fatal exception while booting Elasticsearch')[1]?.trim();
  const found = first ? [first] : [];
  for (const line of lines.slice(start + 1)) {
    if (/^\[\d{4}-/.test(line)) break;
    const text = line.trim();
    if (!text || text.startsWith('at ') || /^\.\.\. \d+ more$/.test(text) || text.startsWith('Suppressed:')) continue;
    if (found.length === 0 || text.startsWith('Caused by:')) found.push(text);
  }
  return found.length ? found.join('\n') : null;
}
