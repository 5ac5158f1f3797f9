import type { Review, ReviewBody } from '../../openapi/schemas/reviews.ts';
import type { Sql } from '../db/types.ts';
import { DomainError, notFound } from '../errors/domain-error.ts';
import { PURCHASED_STATUSES } from '../orders/state-machine.ts';

// Only buyers review, once per product, under the name they choose (the public read model shows
// that name, never the account).
export const DEFAULT_AUTHOR = 'Verified buyer';

export async function createReview(sql: Sql, userId: string, productId: string, body: ReviewBody): Promise<Review> {
  const [product] = await sql`select id from products where id = ${productId}`;
  if (!product) throw notFound(`product ${productId}`);
  const [bought] = await sql`
    select 1 from orders o join order_items i on i.order_id = o.id
    where o.user_id = ${userId} and i.product_id = ${productId} and o.status = any(${PURCHASED_STATUSES as string[]}) limit 1`;
  if (!bought) throw new DomainError('not-a-buyer', 'only customers with a paid order for this product may review it');
  const [review] = await sql<(Omit<Review, 'created_at'> & { created_at: Date })[]>`
    insert into reviews (product_id, user_id, author_name, rating, title, body)
    values (${productId}, ${userId}, ${body.display_name ?? DEFAULT_AUTHOR}, ${body.rating}, ${body.title}, ${body.body})
    on conflict (user_id, product_id) do nothing
    returning id, product_id, author_name as author, rating, title, body, created_at`;
  if (!review) throw new DomainError('already-reviewed', 'you have already reviewed this product');
  return { ...review, created_at: review.created_at.toISOString() };
}
