import { createHash } from 'node:crypto';

export type SourceFile = { path: string; content: string | Buffer };

/** What the installed plugin was built from: its sources (in any order) and the Elasticsearch version it targets. */
export function sourceStamp(files: SourceFile[], elasticsearchVersion: string): string {
  const hash = createHash('sha256').update(`elasticsearch ${elasticsearchVersion}\n`);
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${f.path}\n${f.content.length}\n`).update(f.content);
  }
  return hash.digest('hex');
}

/** Fills the `@name@` placeholders of plugin-descriptor.properties; a placeholder left unfilled is a mistake, not an empty value. */
export function fillDescriptor(template: string, values: Record<string, string>): string {
  return template.replace(/@(\w+)@/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`plugin-descriptor.properties: no value for @${key}@`);
    return value;
  });
}
