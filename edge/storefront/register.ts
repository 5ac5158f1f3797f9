import type { Context } from 'hono';
import type { createCachedReader } from '../cache/cached-read.ts';
import type { EdgeApp, EdgeEnv } from '../context.ts';
import type { createBearerVerifier } from '../http/auth.ts';
import type { WriteLimiter } from '../http/rate-limit.ts';
import type { CatalogReads } from '../routes/catalog-reads.ts';
import { SearchUnavailable } from '../search/es.ts';
import { assetRoutes } from './assets/index.ts';
import { registerCatalogPages } from './catalog-routes.ts';
import { CoreUnavailable, type CallCore } from './core-client.ts';
import { errorPage } from './respond.ts';
import { readShopper } from './session.ts';
import { registerShopperPages } from './shopper-routes.ts';

// The storefront: server-rendered pages at / and under /shop/, beside the API on the same edge.
export type StorefrontDeps = {
  reads: CatalogReads;
  cachedRead: ReturnType<typeof createCachedReader>;
  callCore: CallCore;
  verifyBearer: ReturnType<typeof createBearerVerifier>;
  limitWrites: WriteLimiter;
  clientIp: (c: Context<EdgeEnv>) => string;
};

export function registerStorefront(app: EdgeApp, deps: StorefrontDeps): void {
  const shopper = (c: Context<EdgeEnv>) => readShopper(c, deps.verifyBearer);
  app.route('/shop/assets', assetRoutes());
  const { renderProduct } = registerCatalogPages(app, { reads: deps.reads, cachedRead: deps.cachedRead, shopper });
  registerShopperPages(app, { callCore: deps.callCore, shopper, limitWrites: deps.limitWrites, clientIp: deps.clientIp, renderProduct });
}

/** The page for an error no handler answered: the service at fault named, the rest a plain 500. */
export function storefrontErrorPage(e: unknown, c: Context<EdgeEnv>): Response {
  if (e instanceof CoreUnavailable) return errorPage(c, 503, 'The shop is busy', 'Orders and carts cannot be reached just now. Please try again in a moment.');
  if (e instanceof SearchUnavailable) return errorPage(c, 503, 'Search is busy', 'The catalog cannot be reached just now. Please try again in a moment.');
  return errorPage(c, 500, 'Something went wrong', 'The page could not be shown. If it happens again, quote the request id below.');
}
