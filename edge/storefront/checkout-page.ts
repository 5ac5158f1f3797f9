import type { Cart } from '../../openapi/schemas/cart.ts';
import { field, hidden } from './components.ts';
import { rupees } from './format.ts';
import { h, type Html } from './html.ts';
import { layout } from './layout.ts';

// Checkout: the order summary and the shipping address. The form carries an Idempotency-Key made
// for this render, so a double click or a reload of the post places the order once.
export const ADDRESS_FIELDS = [
  { name: 'name', label: 'Full name', autocomplete: 'name', required: true },
  { name: 'line1', label: 'Address line 1', autocomplete: 'address-line1', required: true },
  { name: 'line2', label: 'Address line 2 (optional)', autocomplete: 'address-line2', required: false },
  { name: 'city', label: 'City', autocomplete: 'address-level2', required: true },
  { name: 'state', label: 'State', autocomplete: 'address-level1', required: true },
  { name: 'postal_code', label: 'PIN code', autocomplete: 'postal-code', required: true },
  { name: 'phone', label: 'Phone (optional)', autocomplete: 'tel', required: false },
] as const;

export type CheckoutForm = { values: Record<string, string>; errors: Record<string, string>; message?: string };

/** Pure: the form's fields → the API's shipping address (empty optional fields left out). */
export function addressOf(values: Record<string, string>): Record<string, string> {
  const address: Record<string, string> = { country: 'IN' };
  for (const f of ADDRESS_FIELDS) {
    const v = (values[f.name] ?? '').trim();
    if (v !== '' || f.required) address[f.name] = v;
  }
  return address;
}

/** Pure: the problem's field errors (shipping_address.city) → errors by form field (city); the rest as one message. */
export function formErrors(errors: { field: string; message: string }[] | undefined): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  const names = new Set<string>(ADDRESS_FIELDS.map((f) => f.name));
  for (const e of errors ?? []) {
    const name = e.field.replace(/^(?:body\.)?shipping_address\./, '');
    if (names.has(name)) byField[name] ??= e.message;
    else other.push(`${e.field}: ${e.message}`);
  }
  return { byField, other };
}

export function checkoutPage(cart: Cart, csrf: string, idempotencyKey: string, form: CheckoutForm): Html {
  const body = h`<h1>Checkout</h1>
${form.message ? h`<p class="alert" role="alert">${form.message}</p>` : ''}
<section aria-labelledby="summary-h"><h2 id="summary-h">Order summary</h2>
<ul>${cart.items.map((l) => h`<li>${l.quantity} × ${l.title}: ${rupees(l.line_total.amount)}</li>`)}</ul>
<p>Total: <strong>${rupees(cart.subtotal.amount)}</strong></p></section>
<form method="post" action="/shop/checkout" novalidate>
${hidden('_csrf', csrf)}${hidden('idempotency_key', idempotencyKey)}
<fieldset><legend>Shipping address (India)</legend>
${ADDRESS_FIELDS.map((f) =>
  field({ name: f.name, label: f.label, autocomplete: f.autocomplete, required: f.required, value: form.values[f.name], error: form.errors[f.name] }),
)}
</fieldset>
<p><button type="submit">Place order</button></p>
</form>`;
  return layout({ title: 'Checkout', csrf }, body);
}
