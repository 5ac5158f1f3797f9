import { z } from '@hono/zod-openapi';
import { ReviewSchema } from './reviews.ts';
import { ProductSummarySchema } from './search.ts';

// The product page and its reviews: GET /products/{product_id} and /products/{product_id}/reviews.
export const MAX_REVIEW_PAGE_SIZE = 50;
export const FIRST_REVIEWS = 5;

/** A published review as the catalog shows it: core's review plus the author's display name. */
export const ProductReviewSchema = ReviewSchema.extend({ author: z.string() }).openapi('ProductReview');

export const ReviewPageSchema = z
  .object({
    items: z.array(ProductReviewSchema),
    total: z.number().int().nonnegative(),
    page: z.number().int().min(1),
    size: z.number().int().min(1),
  })
  .openapi('ReviewPage');
export type ReviewPage = z.infer<typeof ReviewPageSchema>;

export const ReviewPageQuerySchema = z.object({
  // page × size stays within Elasticsearch's result window (10,000) at the largest size
  page: z.coerce.number().int().min(1).max(200).default(1),
  size: z.coerce.number().int().min(1).max(MAX_REVIEW_PAGE_SIZE).default(10),
});

export const ProductDetailSchema = ProductSummarySchema.omit({ highlights: true })
  .extend({
    pid: z.string(),
    description: z.string().nullable(),
    image_urls: z.array(z.string()),
    specifications: z.array(z.object({ key: z.string(), value: z.string() })),
    available: z.number().int().nonnegative().openapi({ description: 'Units that can be bought now' }),
    rating_summary: z.object({ average: z.number().min(0).max(5).nullable(), count: z.number().int().nonnegative() }),
    reviews: ReviewPageSchema.openapi({ description: `The first ${FIRST_REVIEWS} reviews, newest first` }),
    updated_at: z.string(),
  })
  .openapi('ProductDetail');
export type ProductDetail = z.infer<typeof ProductDetailSchema>;
