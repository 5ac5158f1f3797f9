import { z } from '@hono/zod-openapi';

// Shapes shared by every part of the public contract.
export const CurrencySchema = z.literal('INR').openapi({ description: 'ISO 4217 currency code' });

export const MoneySchema = z
  .object({
    amount: z.number().int().nonnegative().openapi({ description: 'Integer minor units (paise)', example: 37900 }),
    currency: CurrencySchema,
  })
  .openapi('Money');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://problems.commerce.local/validation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'One entry per invalid field' }),
  })
  .passthrough()
  .openapi('Problem');

export type Money = z.infer<typeof MoneySchema>;
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * A keyset cursor over (created_at, id), newest first: the creation time in epoch microseconds (the
 * database's own precision, so rows created within one millisecond are neither skipped nor
 * repeated) and the id of the last item of the previous page. Any such pair is a place in a list.
 */
export const KEYSET_CURSOR_PATTERN = /^([0-9]{1,16})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The `limit` query parameter of a paged list: 1 to 100 items a page. */
export const pageLimitQuery = (byDefault: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(byDefault)
    .openapi({ param: { name: 'limit', in: 'query' } });

/** The `cursor` query parameter of a list paged by a keyset cursor; `what` names what the page lists. */
export const keysetCursorQuery = (what: string) =>
  z
    .string()
    .regex(KEYSET_CURSOR_PATTERN)
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: `next_cursor of the previous page: \`<created_at in epoch µs>_<id>\`; the page lists the ${what} created before it`,
      example: '1767261600123456_7c9e6679-7425-40de-944b-e07fc1f90ae7',
    });
