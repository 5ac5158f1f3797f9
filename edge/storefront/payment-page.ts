import type { Order } from '../../openapi/schemas/orders.ts';
import { hidden } from './components.ts';
import { rupees } from './format.ts';
import { h, type Html } from './html.ts';
import { layout } from './layout.ts';
import { dateTime } from './orders-page.ts';

// Payment with a sandbox card: the token stands in for what a payment provider's form would
// return, so no card number reaches this server. A decline shows its reason and the form again
// (with a new Idempotency-Key: a retry is a new attempt).
export const SANDBOX_CARDS = [
  { token: 'tok_success', label: 'Visa ending 4242 (pays)' },
  { token: 'tok_decline', label: 'Mastercard ending 0002 (declined)' },
  { token: 'tok_insufficient_funds', label: 'Visa ending 9995 (insufficient funds)' },
] as const;

export function paymentPage(order: Order, csrf: string, idempotencyKey: string, opts: { error?: string; chosen?: string } = {}): Html {
  const chosen = opts.chosen ?? 'tok_success';
  const body = h`<h1>Payment</h1>
${opts.error ? h`<div class="alert" role="alert"><p><strong>Payment failed:</strong> ${opts.error}</p><p>Choose a card and try again.</p></div>` : ''}
<p>Amount due: <strong>${rupees(order.amount.amount)}</strong></p>
<p>Pay by ${dateTime(order.payment_due_at)}; after that the order is cancelled and its stock released.</p>
<form method="post" action="/shop/pay/${order.order_id}">
${hidden('_csrf', csrf)}${hidden('idempotency_key', idempotencyKey)}
<fieldset><legend>Sandbox card</legend>
${SANDBOX_CARDS.map(
  (c) =>
    h`<p class="choice"><input type="radio" id="card-${c.token}" name="payment_method" value="${c.token}"${c.token === chosen ? h` checked` : ''}> <label for="card-${c.token}">${c.label}</label></p>`,
)}
</fieldset>
<p><button type="submit">Pay</button></p>
</form>
<p><a href="/shop/orders/${order.order_id}">Back to the order</a></p>`;
  return layout({ title: 'Payment', csrf }, body);
}
