import type { AdminOrder, AdminOrdersPage, PaymentRecord } from '../../openapi/schemas/admin-orders.ts';
import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import type { Sql, Tx } from '../db/types.ts';
import { notFound } from '../errors/domain-error.ts';
import { beforeCursor, createdMicros, encodeKeysetCursor } from '../http/keyset-cursor.ts';
import type { AdminOrderFilter } from './admin-filter.ts';
import { getOrder } from './queries.ts';

// Read side of the operators' order routes: every customer's orders, unscoped. Instants go to
// Postgres as text: postgres.js would pass a timestamptz parameter through a JS Date, dropping
// the microseconds the cursor keeps.
type SummaryRow = {
  id: string;
  status: OrderStatus;
  total_amount: number;
  currency: 'INR';
  created_at: Date;
  created_micros: string;
  customer_id: string;
  email: string;
  item_count: number;
};

export async function listAdminOrders(sql: Sql, f: AdminOrderFilter): Promise<AdminOrdersPage> {
  const rows = await sql<SummaryRow[]>`
    select o.id, o.status, o.total_amount, o.currency, o.created_at,
           ${createdMicros(sql, 'o')} as created_micros,
           u.id as customer_id, u.email,
           (select coalesce(sum(i.quantity), 0)::int from order_items i where i.order_id = o.id) as item_count
    from orders o join users u on u.id = o.user_id
    where true
      ${f.statuses ? sql`and o.status = any(${f.statuses}::text[])` : sql``}
      ${f.from ? sql`and o.created_at >= ${f.from}::text::timestamptz` : sql``}
      ${f.to ? sql`and o.created_at < ${f.to}::text::timestamptz` : sql``}
      ${f.email ? sql`and u.email = ${f.email}` : sql``}
      and ${beforeCursor(sql, 'o', f.after)}
    order by o.created_at desc, o.id desc
    limit ${f.limit + 1}`;
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      order_id: r.id,
      status: r.status,
      total: { amount: r.total_amount, currency: r.currency },
      customer: { id: r.customer_id, email: r.email },
      item_count: r.item_count,
      created_at: r.created_at.toISOString(),
    })),
    next_cursor: rows.length > f.limit && last ? encodeKeysetCursor(last) : null,
  };
}

type PaymentRow = Omit<PaymentRecord, 'amount' | 'created_at' | 'payment_id'> & { id: string; amount: number; currency: 'INR'; created_at: Date };
type EventRow = { status: OrderStatus; at: Date; reason: string | null };

/** Also called inside a transaction (a refund answers with the order as it commits). */
export async function getAdminOrder(sql: Sql | Tx, orderId: string): Promise<AdminOrder> {
  const [customer] = await sql<{ id: string; email: string }[]>`
    select u.id, u.email from orders o join users u on u.id = o.user_id where o.id = ${orderId}`;
  if (!customer) throw notFound('order');
  const [order, payments, history] = await Promise.all([
    getOrder(sql, orderId, null),
    sql<PaymentRow[]>`
      select id, status, amount, currency, provider, provider_ref, decline_reason, created_at
      from payments where order_id = ${orderId} order by created_at, id`,
    sql<EventRow[]>`select status, at, reason from order_events where order_id = ${orderId} order by id`,
  ]);
  return {
    ...order,
    customer,
    payments: payments.map((p) => ({
      payment_id: p.id,
      status: p.status,
      amount: { amount: p.amount, currency: p.currency },
      provider: p.provider,
      provider_ref: p.provider_ref,
      decline_reason: p.decline_reason,
      created_at: p.created_at.toISOString(),
    })),
    history: history.map((h) => ({ status: h.status, at: h.at.toISOString(), reason: h.reason })),
  };
}
