import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  adjustStockRoute,
  archiveProductRoute,
  bulkCatalogRoute,
  createProductRoute,
  setPriceRoute,
  unarchiveProductRoute,
  updateProductRoute,
} from '../../openapi/routes/admin-catalog.ts';
import { requireRole } from '../auth/session.ts';
import type { CoreDeps } from '../deps.ts';
import { applyBulk } from './bulk.ts';
import { setPrice } from './prices.ts';
import { createProduct, setArchived, updateProduct } from './products.ts';
import { adjustStock } from './stock-adjust.ts';

// The operator's catalog routes: the catalog role (or admin) only.
export function registerCatalogRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config, log } = deps;
  const operator = (authorization: string | undefined) => requireRole(config, sql, authorization, 'catalog');

  app.openapi(createProductRoute, async (c) => {
    const actor = await operator(c.req.header('authorization'));
    return c.json(await createProduct(sql, actor, c.req.valid('json')), 201);
  });

  app.openapi(updateProductRoute, async (c) => {
    const actor = await operator(c.req.header('authorization'));
    return c.json(await updateProduct(sql, actor, c.req.valid('param').product_id, c.req.valid('json')), 200);
  });

  app.openapi(archiveProductRoute, async (c) => {
    const actor = await operator(c.req.header('authorization'));
    return c.json(await setArchived(sql, actor, c.req.valid('param').product_id, true), 200);
  });

  app.openapi(unarchiveProductRoute, async (c) => {
    const actor = await operator(c.req.header('authorization'));
    return c.json(await setArchived(sql, actor, c.req.valid('param').product_id, false), 200);
  });

  app.openapi(setPriceRoute, async (c) => {
    const actor = await operator(c.req.header('authorization'));
    return c.json(await setPrice(sql, actor, c.req.valid('param').product_id, c.req.valid('json')), 200);
  });

  app.openapi(adjustStockRoute, async (c) => {
    const actor = await operator(c.req.header('authorization'));
    return c.json(await adjustStock(sql, actor, c.req.valid('param').product_id, c.req.valid('json')), 200);
  });

  app.openapi(bulkCatalogRoute, async (c) => {
    const actor = await operator(c.req.header('authorization'));
    return c.json(await applyBulk(sql, actor, c.req.valid('json').rows, log), 200);
  });
}
