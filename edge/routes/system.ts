import { buildPublicDocument } from '../../openapi/document.ts';
import { healthRoute } from '../../openapi/routes/system.ts';
import type { EdgeApp } from '../context.ts';
import { registerDocs } from '../docs/reference.ts';

// Health, the public OpenAPI 3.1 document (the very one `npm run openapi` writes) and, when the
// runtime gives the edge the reference's bundle, its interactive reference at /docs.
export function registerSystem(app: EdgeApp, runtime: string, docsBundle: string | undefined): void {
  let document: ReturnType<typeof buildPublicDocument> | undefined;
  const publicDocument = () => {
    document ??= buildPublicDocument();
    return document;
  };
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const, service: 'edge', runtime }, 200));
  // Built on first request: a Worker isolate that never serves it never pays for it.
  app.get('/openapi.json', (c) => c.json(publicDocument()));
  if (docsBundle !== undefined) registerDocs(app, docsBundle);
}
