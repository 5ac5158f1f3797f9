import type { Envelope, JsonValue } from '../../openapi/internal/events.ts';
import { WebhookOrderStatusSchema, type OrderWebhookEvent, type StockWebhookEvent, type WebhookOrderStatus } from '../../openapi/schemas/webhook-events.ts';

// Change events → webhook events, pure. Ids are derived from the change itself (the
// order_events row, the inventory update's commit LSN) so a replayed change event yields the
// same id and the deliveries table's unique (endpoint_id, event_id) keeps it from going out twice.
//
// Only live changes count: snapshot reads (op "r", a new slot emitting every existing row)
// would otherwise announce every order's history again.

/** An order status change; the webhook also carries the order's amount, read from Postgres. */
export type OrderChange = {
  id: string;
  type: OrderWebhookEvent['type'];
  created: number;
  orderId: string;
  status: WebhookOrderStatus;
  at: string;
  reason: string | null;
};
/** `at`: when the change happened (ms); an endpoint registered later is not told of it. */
export type Trigger = { at: number } & ({ kind: 'order'; change: OrderChange } | { kind: 'stock'; event: StockWebhookEvent });

const SUBSCRIBABLE = new Set<string>(WebhookOrderStatusSchema.options);
const int = (v: JsonValue | undefined): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

export function triggerOf(e: Envelope, lowStockThreshold: number): Trigger | null {
  if (e.source.table === 'order_events' && e.op === 'c') return orderTrigger(e.after!);
  if (e.source.table === 'inventory' && e.op === 'u' && e.before) return stockTrigger(e, lowStockThreshold);
  return null;
}

function orderTrigger(row: NonNullable<Envelope['after']>): Trigger | null {
  const status = String(row.status);
  if (!SUBSCRIBABLE.has(status) || row.id == null || typeof row.at !== 'string') return null;
  const at = row.at;
  return {
    at: Date.parse(at),
    kind: 'order',
    change: {
      id: `evt_order_${row.id}`,
      type: `order.${status as WebhookOrderStatus}`,
      created: Math.floor(Date.parse(at) / 1000),
      orderId: String(row.order_id),
      status: status as WebhookOrderStatus,
      at,
      reason: typeof row.reason === 'string' ? row.reason : null,
    },
  };
}

function stockTrigger(e: Envelope, threshold: number): Trigger | null {
  const [before, after] = [e.before!, e.after!];
  const [onHand, reserved] = [int(after.on_hand), int(after.reserved)];
  const [onHandBefore, reservedBefore] = [int(before.on_hand), int(before.reserved)];
  if (onHand === null || reserved === null || onHandBefore === null || reservedBefore === null) return null;
  const [was, now] = [onHandBefore - reservedBefore, onHand - reserved];
  const type = now <= 0 && was > 0 ? 'product.out_of_stock' : now > 0 && now <= threshold && was > threshold ? 'product.low_stock' : null;
  if (type === null) return null;
  const productId = String(after.product_id);
  return {
    at: e.source.ts_ms,
    kind: 'stock',
    event: {
      id: `evt_stock_${productId}_${e.source.lsn}`,
      type,
      created: Math.floor(e.source.ts_ms / 1000),
      data: { product: { id: productId, available: Math.max(0, now), on_hand: onHand, reserved } },
    },
  };
}

/** The order event as delivered: the change plus the order's amount (never its address or payment token). */
export function orderEvent(change: OrderChange, order: { total_amount: number; currency: string }): OrderWebhookEvent {
  return {
    id: change.id,
    type: change.type,
    created: change.created,
    data: {
      order: { id: change.orderId, status: change.status, total_amount: order.total_amount, currency: order.currency, at: change.at, reason: change.reason },
    },
  };
}
