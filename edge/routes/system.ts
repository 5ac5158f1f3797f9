import { Scalar } from '@scalar/hono-api-reference';
import { healthRoute } from '../../openapi/routes/system.ts';
import { bearerAuthScheme } from '../../openapi/routes/problems.ts';
import type { EdgeApp } from '../context.ts';
import { documentHeaders } from '../http/common-headers.ts';

// Health, the OpenAPI 3.1 document and its interactive reference.
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Commerce API',
    version: '1.0.0',
    description:
      'Search and product reads are served at the edge (Redis → Elasticsearch); carts, checkout, payment and orders are forwarded to core. Money is integer minor units (paise). Errors are RFC 9457 problem+json.',
    license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
  },
  servers: [{ url: 'http://127.0.0.1:8787', description: 'Local edge' }],
  // Anonymous by default; operations that need a JWT say so with bearerAuth.
  security: [],
  tags: [
    { name: 'catalog', description: 'Search, autocomplete, product pages (edge)' },
    { name: 'auth', description: 'Accounts and JWTs (core)' },
    { name: 'cart', description: 'Carts (core)' },
    { name: 'checkout', description: 'Order placement (core)' },
    { name: 'payment', description: 'Payments (core)' },
    { name: 'orders', description: 'Order status and history (core)' },
    { name: 'reviews', description: 'Writing reviews (core)' },
    { name: 'system', description: 'Health and documents' },
  ],
} as const;

/** OPENAPI_DOCUMENT as the mutable object zod-openapi's generator takes. */
export const documentConfig = () => ({ ...OPENAPI_DOCUMENT, servers: [...OPENAPI_DOCUMENT.servers], security: [], tags: [...OPENAPI_DOCUMENT.tags] });

export function registerSystem(app: EdgeApp, runtime: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', bearerAuthScheme);
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const, service: 'edge', runtime }, 200));
  app.doc31('/openapi.json', documentConfig());
  app.get('/docs', documentHeaders, Scalar({ url: '/openapi.json', pageTitle: 'Commerce API' }));
}
