import type { Order, OrderStatusResponse } from '../../openapi/schemas/orders.ts';
import type { OrderStatus } from '../../openapi/schemas/checkout.ts';
import { hidden, productHref } from './components.ts';
import { rupees } from './format.ts';
import { h, type Html } from './html.ts';
import { layout } from './layout.ts';

// "My orders" and one order: its lines, address, and the status timeline, which a script keeps
// current without a reload; cancel where the order's state lets the shopper.
export const STATUS_TEXT: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  packed: 'Packed',
  shipped: 'Shipped',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

/** Where core's state machine lets a customer cancel (core/orders/state-machine.ts); core refuses anything else. */
export const customerMayCancel = (status: OrderStatus): boolean => status === 'pending_payment' || status === 'paid';

const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
export const dateTime = (iso: string): Html => h`<time datetime="${iso}">${when.format(new Date(iso))} IST</time>`;

export const orderHref = (id: string) => `/shop/orders/${id}`;

export function ordersPage(orders: Order[], nextCursor: string | null, csrf: string): Html {
  const body = h`<h1>My orders</h1>
${
  orders.length === 0
    ? h`<p>No orders yet. <a href="/">Start shopping</a></p>`
    : h`<table><caption class="visually-hidden">Your orders, newest first</caption>
<thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Status</th><th scope="col">Total</th></tr></thead>
<tbody>${orders.map(
        (o) =>
          h`<tr><td><a href="${orderHref(o.order_id)}">${o.items.map((l) => l.title).join(', ') || o.order_id}</a></td><td>${dateTime(o.created_at)}</td><td>${STATUS_TEXT[o.status]}</td><td>${rupees(o.amount.amount)}</td></tr>`,
      )}</tbody></table>`
}
${nextCursor ? h`<p><a href="/shop/orders?cursor=${encodeURIComponent(nextCursor)}" rel="next">Older orders</a></p>` : ''}`;
  return layout({ title: 'My orders', csrf }, body);
}

/** The timeline alone: the order page embeds it and the status script fetches it again. */
export function timeline(status: OrderStatusResponse): Html {
  return h`<p>Status: <strong data-status="${status.status}" data-may-cancel="${String(customerMayCancel(status.status))}">${STATUS_TEXT[status.status]}</strong></p>
<ol class="timeline">${status.history.map(
    (e) => h`<li><strong>${STATUS_TEXT[e.status]}</strong> · ${dateTime(e.at)}${e.reason ? h` · ${e.reason}` : ''}</li>`,
  )}</ol>`;
}

export function orderPage(order: Order, status: OrderStatusResponse, csrf: string, opts: { notice?: string; error?: string } = {}): Html {
  const a = order.shipping_address;
  const body = h`<h1>Order ${order.order_id.slice(0, 8)}</h1>
${opts.notice ? h`<p class="notice" role="status">${opts.notice}</p>` : ''}
${opts.error ? h`<p class="alert" role="alert">${opts.error}</p>` : ''}
<p>Placed ${dateTime(order.created_at)} · Total <strong>${rupees(order.amount.amount)}</strong></p>
<section aria-labelledby="status-h" aria-live="polite"><h2 id="status-h">Status</h2>
<div data-order-status="${orderHref(order.order_id)}/timeline">${timeline(status)}</div></section>
${
  status.status === 'pending_payment'
    ? h`<p>Pay by ${dateTime(order.payment_due_at)} to keep the stock. <a class="button" href="/shop/pay/${order.order_id}">Pay now</a></p>`
    : ''
}
<section aria-labelledby="items-h"><h2 id="items-h">Items</h2>
<ul>${order.items.map((l) => h`<li>${l.quantity} × <a href="${productHref(l.product_id)}">${l.title}</a>: ${rupees(l.line_total.amount)}</li>`)}</ul></section>
${a ? h`<section aria-labelledby="ship-h"><h2 id="ship-h">Shipping to</h2><address>${a.name}<br>${a.line1}<br>${a.line2 ? h`${a.line2}<br>` : ''}${a.city}, ${a.state} ${a.postal_code}</address></section>` : ''}
${
  customerMayCancel(status.status)
    ? h`<form method="post" action="${orderHref(order.order_id)}/cancel" data-cancel>${hidden('_csrf', csrf)}<button type="submit" class="danger">Cancel order</button></form>`
    : ''
}
<p><a href="/shop/orders">My orders</a></p>`;
  return layout({ title: 'Order', csrf, scripts: ['orderStatus'] }, body);
}
