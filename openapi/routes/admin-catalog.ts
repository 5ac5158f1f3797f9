import { createRoute } from '@hono/zod-openapi';
import {
  AdjustStockBodySchema,
  AdminProductSchema,
  BulkBodySchema,
  BulkResultSchema,
  CreateProductBodySchema,
  MAX_BULK_ROWS,
  ProductIdPathSchema,
  SetPriceBodySchema,
  StockSchema,
  UpdateProductBodySchema,
} from '../schemas/admin-catalog.ts';
import { bearerSecurity, json, jsonBody, problemResponses, serviceProblems } from './problems.ts';

// Operator routes for the catalog (role catalog or admin). Each change writes one audit row in
// its own transaction; a refused change leaves the product as it was.
const operator = { tags: ['admin'], security: bearerSecurity };

export const createProductRoute = createRoute({
  ...operator,
  method: 'post',
  path: '/admin/products',
  summary: 'Operator: create a product with its price and initial stock',
  request: { body: jsonBody(CreateProductBodySchema) },
  responses: {
    201: json(AdminProductSchema, 'The product created'),
    ...problemResponses(400, 401, 403, 409, 413, 422),
    ...serviceProblems,
  },
});

export const updateProductRoute = createRoute({
  ...operator,
  method: 'patch',
  path: '/admin/products/{product_id}',
  summary: 'Operator: change a product’s title, description, brand, category path, images or specifications',
  request: { params: ProductIdPathSchema, body: jsonBody(UpdateProductBodySchema) },
  responses: { 200: json(AdminProductSchema, 'The product after the change'), ...problemResponses(400, 401, 403, 404, 413), ...serviceProblems },
});

export const archiveProductRoute = createRoute({
  ...operator,
  method: 'post',
  path: '/admin/products/{product_id}/archive',
  summary: 'Operator: archive a product: hidden from search and product pages, refused in carts; existing orders keep it',
  request: { params: ProductIdPathSchema },
  responses: { 200: json(AdminProductSchema, 'The archived product'), ...problemResponses(400, 401, 403, 404, 409), ...serviceProblems },
});

export const unarchiveProductRoute = createRoute({
  ...operator,
  method: 'post',
  path: '/admin/products/{product_id}/unarchive',
  summary: 'Operator: bring an archived product back to search and carts',
  request: { params: ProductIdPathSchema },
  responses: { 200: json(AdminProductSchema, 'The product, no longer archived'), ...problemResponses(400, 401, 403, 404, 409), ...serviceProblems },
});

export const setPriceRoute = createRoute({
  ...operator,
  method: 'put',
  path: '/admin/products/{product_id}/price',
  summary: 'Operator: set the price and the MRP (integer paise; the price may not exceed the MRP)',
  request: { params: ProductIdPathSchema, body: jsonBody(SetPriceBodySchema) },
  responses: { 200: json(AdminProductSchema, 'The product with its new price'), ...problemResponses(400, 401, 403, 404, 413, 422), ...serviceProblems },
});

export const adjustStockRoute = createRoute({
  ...operator,
  method: 'post',
  path: '/admin/products/{product_id}/stock',
  summary: 'Operator: adjust stock by a delta or set the units on hand, with a reason',
  description: 'Never below the units reserved by orders awaiting payment: such a change is refused with 409 and the `reserved` and `on_hand` counts.',
  request: { params: ProductIdPathSchema, body: jsonBody(AdjustStockBodySchema) },
  responses: { 200: json(StockSchema, 'The stock after the change'), ...problemResponses(400, 401, 403, 404, 409, 413), ...serviceProblems },
});

export const bulkCatalogRoute = createRoute({
  ...operator,
  method: 'post',
  path: '/admin/catalog/bulk',
  summary: `Operator: apply up to ${MAX_BULK_ROWS} price and stock changes, each line on its own`,
  description:
    'Each line is applied in its own transaction with its own audit row: a refused line never undoes another. ' +
    'The answer lists every line with `ok` or the field and reason it was refused. The body, like every body, is limited to 64 KB.',
  request: { body: jsonBody(BulkBodySchema) },
  responses: { 200: json(BulkResultSchema, 'The outcome of every line'), ...problemResponses(400, 401, 403, 413), ...serviceProblems },
});
