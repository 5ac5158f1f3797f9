import { LRUCache } from 'lru-cache';

const MEMO_ENTRY_CHARS = 100;

/**
 * A pure async function remembered for its most recent distinct inputs, as many as fit in
 * `maxChars` (input length plus a fixed allowance per entry); in-flight calls are shared.
 */
export function memoizeAsync(fn: (input: string) => Promise<string>, maxChars: number): (input: string) => Promise<string> {
  const seen = new LRUCache<string, Promise<string>>({ maxSize: maxChars, sizeCalculation: (_, input) => input.length + MEMO_ENTRY_CHARS });
  return (input) => {
    let out = seen.get(input);
    if (out === undefined) {
      out = fn(input);
      seen.set(input, out);
      out.catch(() => seen.delete(input));
    }
    return out;
  };
}
