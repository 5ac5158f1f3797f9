import { readFileSync } from 'node:fs';

// On Node the reference's bundle is read from node_modules, by path because the package's exports
// do not list its browser build (edge/docs/workers-bundle.ts imports the same file on Workers).
export const readDocsBundle = (): string =>
  readFileSync(new URL('../../node_modules/@scalar/api-reference/dist/browser/standalone.js', import.meta.url), 'utf8');
