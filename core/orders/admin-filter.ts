import type { AdminOrdersQuery } from '../../openapi/schemas/admin-orders.ts';
import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import { invalidField } from '../errors/domain-error.ts';
import { decodeKeysetCursor, type KeysetCursor } from '../http/keyset-cursor.ts';

// The operators' order filter from a query the contract has already checked: what remains is what
// one field alone cannot say (a range running backwards) and the normal forms the SQL expects.
export type AdminOrderFilter = {
  statuses: OrderStatus[] | null;
  from: string | null;
  to: string | null;
  /** Lower-cased: emails are stored lower-cased. */
  email: string | null;
  after: KeysetCursor | null;
  limit: number;
};

export function parseAdminOrderFilter(q: AdminOrdersQuery): AdminOrderFilter {
  const from = q.created_from ?? null;
  const to = q.created_to ?? null;
  if (from !== null && to !== null && Date.parse(from) > Date.parse(to))
    throw invalidField('query.created_from', 'must not be later than created_to', `query.created_from: ${from} is later than created_to ${to}`);
  const after = q.cursor === undefined ? null : decodeKeysetCursor(q.cursor);
  if (q.cursor !== undefined && !after) throw invalidField('query.cursor', 'invalid cursor', 'query.cursor: not a cursor from this API');
  return {
    statuses: q.status ? [...new Set(q.status)] : null,
    from,
    to,
    email: q.email?.toLowerCase() ?? null,
    after,
    limit: q.limit,
  };
}
