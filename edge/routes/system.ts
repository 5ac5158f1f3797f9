import { Scalar } from '@scalar/hono-api-reference';
import { buildPublicDocument } from '../../openapi/document.ts';
import { healthRoute } from '../../openapi/routes/system.ts';
import type { EdgeApp } from '../context.ts';

// Health, the public OpenAPI 3.1 document (the very one `npm run openapi` writes) and its
// interactive reference.
export function registerSystem(app: EdgeApp, runtime: string): void {
  let document: ReturnType<typeof buildPublicDocument> | undefined;
  const publicDocument = () => {
    document ??= buildPublicDocument();
    return document;
  };
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const, service: 'edge', runtime }, 200));
  // Built on first request: a Worker isolate that never serves it never pays for it.
  app.get('/openapi.json', (c) => c.json(publicDocument()));
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Commerce API' }));
}
