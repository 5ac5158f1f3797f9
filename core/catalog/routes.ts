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
import { operatorGate } from '../auth/operator-gate.ts';
import type { CoreDeps } from '../deps.ts';
import { applyBulk } from './bulk.ts';
import { setPrice } from './prices.ts';
import { createProduct, setArchived, updateProduct } from './products.ts';
import { adjustStock } from './stock-adjust.ts';

// The operator's catalog routes: the catalog role (or admin) only.
export function registerCatalogRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, log } = deps;
  const gate = operatorGate(deps);

  app.openapi(gate(createProductRoute, 'catalog'), async (c) => {
    const actor = c.get('operator');
    return c.json(await createProduct(sql, actor, c.req.valid('json')), 201);
  });

  app.openapi(gate(updateProductRoute, 'catalog'), async (c) => {
    const actor = c.get('operator');
    return c.json(await updateProduct(sql, actor, c.req.valid('param').product_id, c.req.valid('json')), 200);
  });

  app.openapi(gate(archiveProductRoute, 'catalog'), async (c) => {
    const actor = c.get('operator');
    return c.json(await setArchived(sql, actor, c.req.valid('param').product_id, true), 200);
  });

  app.openapi(gate(unarchiveProductRoute, 'catalog'), async (c) => {
    const actor = c.get('operator');
    return c.json(await setArchived(sql, actor, c.req.valid('param').product_id, false), 200);
  });

  app.openapi(gate(setPriceRoute, 'catalog'), async (c) => {
    const actor = c.get('operator');
    return c.json(await setPrice(sql, actor, c.req.valid('param').product_id, c.req.valid('json')), 200);
  });

  app.openapi(gate(adjustStockRoute, 'catalog'), async (c) => {
    const actor = c.get('operator');
    return c.json(await adjustStock(sql, actor, c.req.valid('param').product_id, c.req.valid('json')), 200);
  });

  app.openapi(gate(bulkCatalogRoute, 'catalog'), async (c) => {
    const actor = c.get('operator');
    return c.json(await applyBulk(sql, actor, c.req.valid('json').rows, log), 200);
  });
}
