import { z } from '@hono/zod-openapi';
import { ProductIdSchema } from './cart.ts';

// The operator's catalog: products, prices and stock under /admin (role catalog or admin).
// Money is integer paise, as everywhere; the price may not exceed the MRP (checked by core,
// which knows the current values a partial change keeps).

/** ₹1 crore, the catalog importer's ceiling: far above any product, well below 2^53. */
export const MAX_PAISE = 10_000_000_00;
/** inventory.on_hand is a Postgres integer. */
export const MAX_UNITS = 2_147_483_647;
export const MAX_BULK_ROWS = 1000;

const Paise = z.number().int().min(0).max(MAX_PAISE).openapi({ description: 'Integer paise', example: 1_999_900 });
const Units = z.number().int().min(0).max(MAX_UNITS);
const Delta = z
  .number()
  .int()
  .min(-MAX_UNITS)
  .max(MAX_UNITS)
  .refine((n) => n !== 0, 'must not be 0')
  .openapi({ not: { const: 0 } });
const Reason = z.string().trim().min(1).max(500);

const ProductFields = {
  title: z.string().trim().min(1).max(500),
  brand: z.string().trim().min(1).max(200).nullable(),
  category_path: z
    .array(z.string().trim().min(1).max(200))
    .max(10)
    .openapi({ description: 'Root first', example: ['Mobiles & Accessories', 'Mobiles'] }),
  description: z.string().max(20_000).nullable(),
  image_urls: z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(20),
  specifications: z.array(z.strictObject({ key: z.string().min(1).max(200), value: z.string().max(5000) })).max(200),
};

export const ProductIdPathSchema = z.object({ product_id: ProductIdSchema.openapi({ param: { name: 'product_id', in: 'path' } }) });

export const CreateProductBodySchema = z
  .strictObject({
    id: ProductIdSchema.optional().openapi({ description: 'Generated (32 hex characters, like the catalog’s) when left out' }),
    pid: z.string().trim().min(1).max(100).optional().openapi({ description: 'The seller’s product id; the id when left out' }),
    title: ProductFields.title,
    brand: ProductFields.brand.optional(),
    category_path: ProductFields.category_path.optional(),
    description: ProductFields.description.optional(),
    image_urls: ProductFields.image_urls.optional(),
    specifications: ProductFields.specifications.optional(),
    price_amount: Paise,
    mrp_amount: Paise,
    on_hand: Units.default(0).openapi({ description: 'Initial units on hand' }),
  })
  .openapi('AdminCreateProductRequest');

export const UpdateProductBodySchema = z
  .strictObject({
    title: ProductFields.title.optional(),
    brand: ProductFields.brand.optional(),
    category_path: ProductFields.category_path.optional(),
    description: ProductFields.description.optional(),
    image_urls: ProductFields.image_urls.optional(),
    specifications: ProductFields.specifications.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required', path: [] })
  .openapi('AdminUpdateProductRequest', { minProperties: 1, description: 'At least one field' });

export const SetPriceBodySchema = z.strictObject({ price_amount: Paise, mrp_amount: Paise }).openapi('AdminSetPriceRequest');

/** One of delta and on_hand, so each refusal names its field. */
const oneStockChange = (r: { delta?: number | undefined; on_hand?: number | undefined }, ctx: z.RefinementCtx, required: boolean) => {
  if (r.on_hand !== undefined && r.delta !== undefined) ctx.addIssue({ code: 'custom', path: ['delta'], message: 'give on_hand or delta, not both' });
  if (required && r.on_hand === undefined && r.delta === undefined) ctx.addIssue({ code: 'custom', path: ['delta'], message: 'give delta or on_hand' });
};

export const AdjustStockBodySchema = z
  .strictObject({
    delta: Delta.optional().openapi({ description: 'Units to add (negative: remove)' }),
    on_hand: Units.optional().openapi({ description: 'The units now on hand' }),
    reason: Reason,
  })
  .superRefine((r, ctx) => oneStockChange(r, ctx, true))
  .openapi('AdminStockRequest', {
    description: 'Adjust by a delta or set the units on hand (one of the two); never below the units reserved by open orders.',
    // inside allOf, as the bulk row's anyOf: the Postman collection's example keeps every field
    allOf: [{ oneOf: [{ required: ['delta'] }, { required: ['on_hand'] }] }],
  });

export const AdminProductSchema = z
  .object({
    id: z.string(),
    pid: z.string(),
    title: z.string(),
    brand: z.string().nullable(),
    category_path: z.array(z.string()),
    description: z.string().nullable(),
    image_urls: z.array(z.string()),
    specifications: z.array(z.object({ key: z.string(), value: z.string() })),
    price_amount: z.number().int().nullable(),
    mrp_amount: z.number().int().nullable(),
    currency: z.literal('INR'),
    on_hand: z.number().int(),
    reserved: z.number().int().openapi({ description: 'Units held by orders awaiting payment' }),
    archived_at: z.string().nullable().openapi({ format: 'date-time' }),
    created_at: z.string().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AdminProduct');

export const StockSchema = z
  .object({ product_id: z.string(), on_hand: z.number().int(), reserved: z.number().int(), available: z.number().int() })
  .openapi('AdminStock');

/**
 * One line of a bulk update: a price change, a stock change or both. `line` is the caller's
 * reference (the CSV line number) and comes back with the line's outcome.
 */
export const BulkRowSchema = z
  .strictObject({
    line: z.number().int().min(1).max(100_000_000),
    product_id: ProductIdSchema,
    price_amount: Paise.optional(),
    mrp_amount: Paise.optional(),
    on_hand: Units.optional(),
    delta: Delta.optional(),
    reason: Reason.optional(),
  })
  .superRefine((r, ctx) => {
    oneStockChange(r, ctx, false);
    if ([r.price_amount, r.mrp_amount, r.on_hand, r.delta].every((v) => v === undefined))
      ctx.addIssue({ code: 'custom', path: ['product_id'], message: 'nothing to change: give price_amount, mrp_amount, on_hand or delta' });
  })
  .openapi('AdminBulkRow', {
    description: 'At least one of price_amount, mrp_amount, on_hand and delta; on_hand and delta not both.',
    // anyOf inside allOf: a sibling anyOf would turn the SDK's row type into `unknown`
    allOf: [{ anyOf: ['price_amount', 'mrp_amount', 'on_hand', 'delta'].map((field) => ({ required: [field] })) }],
    not: { required: ['on_hand', 'delta'] },
  });

export const BulkBodySchema = z.strictObject({ rows: z.array(BulkRowSchema).min(1).max(MAX_BULK_ROWS) }).openapi('AdminBulkRequest');

export const BulkLineResultSchema = z
  .union([
    z.object({ line: z.number().int(), ok: z.literal(true) }),
    z.object({ line: z.number().int(), ok: z.literal(false), error: z.object({ field: z.string(), message: z.string() }) }),
  ])
  .openapi('AdminBulkLineResult');

export const BulkResultSchema = z
  .object({ applied: z.number().int(), failed: z.number().int(), results: z.array(BulkLineResultSchema) })
  .openapi('AdminBulkResult');

export type CreateProductBody = z.infer<typeof CreateProductBodySchema>;
export type UpdateProductBody = z.infer<typeof UpdateProductBodySchema>;
export type AdjustStockBody = z.infer<typeof AdjustStockBodySchema>;
export type AdminProduct = z.infer<typeof AdminProductSchema>;
export type BulkRow = z.infer<typeof BulkRowSchema>;
export type BulkLineResult = z.infer<typeof BulkLineResultSchema>;
export type BulkResult = z.infer<typeof BulkResultSchema>;
