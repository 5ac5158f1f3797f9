import type { Order, OrderStatusResponse, OrdersPage } from '../../openapi/schemas/orders.ts';
import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import type { Sql, Tx } from '../db/types.ts';
import { invalidField, notFound } from '../errors/domain-error.ts';
import { beforeCursor, createdMicros, decodeKeysetCursor, encodeKeysetCursor } from '../http/keyset-cursor.ts';

// Read side of orders; always scoped to the owner (others get 404) unless an admin asks.
type OrderRow = { id: string; status: OrderStatus; total_amount: number; shipping_address: Order['shipping_address']; payment_due_at: Date; created_at: Date };
type LineRow = { order_id: string; product_id: string; title: string; quantity: number; unit_amount: number };

const inr = (amount: number) => ({ amount, currency: 'INR' as const });

async function withLines(sql: Sql | Tx, rows: OrderRow[]): Promise<Order[]> {
  const lines = rows.length
    ? await sql<
        LineRow[]
      >`select order_id, product_id, title, quantity, unit_amount from order_items where order_id = any(${rows.map((r) => r.id)}::uuid[]) order by product_id`
    : [];
  return rows.map((r) => ({
    order_id: r.id,
    status: r.status,
    amount: inr(r.total_amount),
    items: lines
      .filter((l) => l.order_id === r.id)
      .map((l) => ({
        product_id: l.product_id,
        title: l.title,
        quantity: l.quantity,
        unit_price: inr(l.unit_amount),
        line_total: inr(l.unit_amount * l.quantity),
      })),
    shipping_address: r.shipping_address,
    payment_due_at: r.payment_due_at.toISOString(),
    created_at: r.created_at.toISOString(),
  }));
}

const columns = 'id, status, total_amount, shipping_address, payment_due_at, created_at';

export async function getOrder(sql: Sql | Tx, orderId: string, userId: string | null): Promise<Order> {
  const rows = await sql<OrderRow[]>`select ${sql.unsafe(columns)} from orders where id = ${orderId} and (${userId}::uuid is null or user_id = ${userId})`;
  const [order] = await withLines(sql, rows);
  if (!order) throw notFound('order');
  return order;
}

export async function orderStatus(sql: Sql, orderId: string, userId: string): Promise<OrderStatusResponse> {
  const [order] = await sql<{ status: OrderStatus }[]>`select status from orders where id = ${orderId} and user_id = ${userId}`;
  if (!order) throw notFound('order');
  const history = await sql<
    { status: OrderStatus; at: Date; reason: string | null }[]
  >`select status, at, reason from order_events where order_id = ${orderId} order by id`;
  return { order_id: orderId, status: order.status, history: history.map((h) => ({ status: h.status, at: h.at.toISOString(), reason: h.reason })) };
}

export async function listOrders(sql: Sql, userId: string, limit: number, cursor: string | undefined): Promise<OrdersPage> {
  const after = cursor === undefined ? null : decodeKeysetCursor(cursor);
  if (cursor !== undefined && !after) throw invalidField('query.cursor', 'invalid cursor', 'cursor: not a cursor from this API');
  const rows = await sql<(OrderRow & { created_micros: string })[]>`
    select ${sql.unsafe(columns)}, ${createdMicros(sql, 'o')} as created_micros from orders o
    where user_id = ${userId} and ${beforeCursor(sql, 'o', after)}
    order by created_at desc, id desc limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: await withLines(sql, page), next_cursor: rows.length > limit && last ? encodeKeysetCursor(last) : null };
}
