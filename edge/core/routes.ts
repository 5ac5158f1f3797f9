import * as auth from '../../openapi/routes/auth.ts';
import * as cart from '../../openapi/routes/cart.ts';
import * as checkout from '../../openapi/routes/checkout.ts';
import * as orders from '../../openapi/routes/orders.ts';
import * as payment from '../../openapi/routes/payment.ts';
import * as reviews from '../../openapi/routes/reviews.ts';
import type { RouteConfig } from '@hono/zod-openapi';

// Core's own route definitions: the edge documents them and forwards them, so one definition
// serves both services' OpenAPI documents.
const isRoute = (v: unknown): v is RouteConfig =>
  typeof v === 'object' && v !== null && typeof (v as RouteConfig).path === 'string' && typeof (v as RouteConfig).method === 'string';

// Sorted: module namespaces enumerate differently under different loaders, and the generated
// document must not depend on that.
export const coreRoutes: RouteConfig[] = [auth, cart, checkout, payment, orders, reviews]
  .flatMap((m) => Object.values(m).filter(isRoute))
  .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));

/** OpenAPI `{param}` → Hono `:param`. */
export const honoPath = (openApiPath: string) => openApiPath.replace(/\{([^}]+)\}/g, ':$1');

/** True when every security alternative of the route needs a credential (no anonymous `{}`). */
export const requiresBearer = (route: RouteConfig) => (route.security?.length ?? 0) > 0 && route.security!.every((s) => Object.keys(s).length > 0);

/** post /cart/items/{product_id} → postCartItemsByProductId: stable SDK names when core gives none. */
export const operationIdOf = (method: string, path: string) =>
  method +
  path
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith('{') ? `By_${seg.slice(1, -1)}` : seg))
    .flatMap((seg) => seg.split(/[_-]/))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
