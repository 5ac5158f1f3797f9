import type { RouteConfig } from '@hono/zod-openapi';
import * as adminCatalog from './admin-catalog.ts';
import * as adminAudit from './admin-audit.ts';
import * as adminOrders from './admin-orders.ts';
import * as adminUsers from './admin-users.ts';
import * as adminWebhooks from './admin-webhooks.ts';
import * as auth from './auth.ts';
import * as cart from './cart.ts';
import * as checkout from './checkout.ts';
import * as orders from './orders.ts';
import * as payment from './payment.ts';
import { productReviewsRoute, productRoute } from './product.ts';
import * as reviews from './reviews.ts';
import { searchRoute, suggestRoute } from './search.ts';
import { healthRoute } from './system.ts';

// The one list of the public API's operations: the generator documents exactly these, and the
// edge serves exactly these (edge/app.test.ts fails on a route served but not listed here).

/** post /cart/items/{product_id} → postCartItemsByProductId: stable SDK names when a route gives none. */
export const operationIdOf = (method: string, path: string) =>
  method +
  path
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith('{') ? `By_${seg.slice(1, -1)}` : seg))
    .flatMap((seg) => seg.split(/[_-]/))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

const isRoute = (v: unknown): v is RouteConfig =>
  typeof v === 'object' && v !== null && typeof (v as RouteConfig).path === 'string' && typeof (v as RouteConfig).method === 'string';

/** Answered by the edge itself (Redis → Elasticsearch, or the edge's own health). */
export const edgeRoutes = [healthRoute, searchRoute, suggestRoute, productRoute, productReviewsRoute] as const;

/**
 * Answered by core and forwarded by the edge: every route of core's contract modules. Sorted, as
 * module namespaces enumerate differently under different loaders and the document must not
 * depend on that.
 */
export const coreRoutes: readonly RouteConfig[] = [
  adminAudit,
  adminCatalog,
  adminOrders,
  adminUsers,
  adminWebhooks,
  auth,
  cart,
  checkout,
  payment,
  orders,
  reviews,
]
  .flatMap((m) => Object.values(m).filter(isRoute))
  .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
  .map((route) => ({ ...route, operationId: route.operationId ?? operationIdOf(route.method, route.path) }));

/** In the order the document lists them. */
export const publicRoutes: readonly RouteConfig[] = [...edgeRoutes, ...coreRoutes];
