import { OpenAPIHono } from '@hono/zod-openapi';
import { bearerAuthScheme } from './routes/problems.ts';
import { publicRoutes } from './routes/public.ts';
import { webhookEventDefinitions } from './routes/webhook-events.ts';

// The public OpenAPI 3.1 document, built from the route definitions alone: `npm run openapi`
// writes it to openapi/openapi.json and the edge serves it at /openapi.json.
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

export function buildPublicDocument() {
  // An OpenAPIHono only for its registry and 3.1 generator: @hono/zod-openapi is the one
  // zod-openapi package the project depends on.
  const registry = new OpenAPIHono();
  registry.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', bearerAuthScheme);
  for (const route of publicRoutes) registry.openAPIRegistry.registerPath(route);
  for (const webhook of webhookEventDefinitions) registry.openAPIRegistry.registerWebhook(webhook);
  const doc = registry.getOpenAPI31Document(documentConfig());
  // Component order follows first use, which follows module load order: sort it away.
  const schemas = doc.components?.schemas;
  if (schemas) doc.components!.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return doc;
}
