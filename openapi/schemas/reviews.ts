import { z } from '@hono/zod-openapi';

export const ReviewBodySchema = z
  .strictObject({
    rating: z.number().int().min(1).max(5),
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(5000),
    display_name: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .optional()
      .openapi({ description: 'The name shown with the review (default "Verified buyer"); never the account or its email' }),
  })
  .openapi('ReviewRequest');
export const ReviewSchema = z
  .object({
    id: z.uuid(),
    product_id: z.string(),
    author: z.string().openapi({ description: 'The display name the reviewer chose' }),
    rating: z.number().int(),
    title: z.string(),
    body: z.string(),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Review');

export type ReviewBody = z.infer<typeof ReviewBodySchema>;
export type Review = z.infer<typeof ReviewSchema>;
