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
