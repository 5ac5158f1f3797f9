import { z } from '@hono/zod-openapi';
import { MoneySchema } from './common.ts';

// Product ids are the dataset's ids (32 hex chars) or test ids; never free text.
export const ProductIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'invalid product id')
  .openapi({ example: 'c2d766ca982eca8304150849735ffef9' });
/** Static upper bound; the configured per-line maximum (CART_MAX_LINE_QUANTITY) is enforced by core. */
export const QuantitySchema = z.number().int().min(1).max(1000);

export const CartLineInputSchema = z.strictObject({ product_id: ProductIdSchema, quantity: QuantitySchema });
export const AddProductsBodySchema = z
  .strictObject({ items: z.array(CartLineInputSchema).min(1).max(50) })
  .openapi('AddProductsRequest', { description: 'Lines of the same product are summed.' });
export const UpdateQuantityBodySchema = z.strictObject({ quantity: QuantitySchema }).openapi('UpdateQuantityRequest');
export const ProductIdParamsSchema = z.object({ product_id: ProductIdSchema.openapi({ param: { name: 'product_id', in: 'path' } }) });

export const CartLineSchema = z
  .object({
    product_id: z.string(),
    title: z.string(),
    quantity: z.number().int(),
    unit_price: MoneySchema,
    line_total: MoneySchema,
    available: z.number().int().openapi({ description: 'Units available to buy now (on_hand - reserved)' }),
    in_stock: z.boolean().openapi({ description: 'Whether the line quantity can be bought now' }),
  })
  .openapi('CartLine');

export const CartSchema = z
  .object({
    id: z.uuid(),
    items: z.array(CartLineSchema),
    subtotal: MoneySchema,
    cart_token: z.string().optional().openapi({ description: 'Present for guest carts; send it back as X-Cart-Token' }),
  })
  .openapi('Cart');

export type CartLineInput = z.infer<typeof CartLineInputSchema>;
export type Cart = z.infer<typeof CartSchema>;
