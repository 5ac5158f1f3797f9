import type { Cart } from '../../openapi/schemas/cart.ts';
import { hidden, productHref } from './components.ts';
import { rupees, stockText } from './format.ts';
import { h, type Html } from './html.ts';
import { layout } from './layout.ts';

// The cart: each line with its quantity (change, remove), a warning where stock is short, the
// subtotal and the way to checkout.
const MAX_QUANTITY_CHOICE = 10;

function quantityChoices(line: Cart['items'][number]): number[] {
  const top = Math.max(line.quantity, Math.min(MAX_QUANTITY_CHOICE, Math.max(line.available, 1)));
  return Array.from({ length: top }, (_, i) => i + 1);
}

export function cartPage(cart: Cart | null, opts: { csrf: string | null; signedIn: boolean; error?: string }): Html {
  const token = opts.csrf === null ? '' : hidden('_csrf', opts.csrf);
  const lines = cart?.items ?? [];
  const short = lines.some((l) => !l.in_stock);
  const body = h`<h1>Your cart</h1>
${opts.error ? h`<p class="alert" role="alert">${opts.error}</p>` : ''}
${
  lines.length === 0
    ? h`<p>Your cart is empty.</p><p><a href="/">Continue shopping</a></p>`
    : h`<table>
<caption class="visually-hidden">Products in your cart</caption>
<thead><tr><th scope="col">Product</th><th scope="col">Quantity</th><th scope="col">Price</th></tr></thead>
<tbody>${lines.map(
        (l) => h`<tr>
<td><a href="${productHref(l.product_id)}">${l.title}</a><br>${rupees(l.unit_price.amount)} each
${l.in_stock ? '' : h`<p class="low" role="alert">${l.available > 0 ? `Only ${l.available} left: lower the quantity` : stockText(0)}</p>`}</td>
<td><form method="post" action="/shop/cart/update">${token}${hidden('product_id', l.product_id)}
<label for="q-${l.product_id}" class="visually-hidden">Quantity of ${l.title}</label>
<select id="q-${l.product_id}" name="quantity" data-autosubmit>${quantityChoices(l).map((n) =>
          n === l.quantity ? h`<option value="${n}" selected>${n}</option>` : h`<option value="${n}">${n}</option>`,
        )}</select>
<button type="submit" class="secondary">Update</button></form>
<form method="post" action="/shop/cart/remove">${token}${hidden('product_id', l.product_id)}<button type="submit" class="secondary" aria-label="Remove ${l.title}">Remove</button></form></td>
<td>${rupees(l.line_total.amount)}</td>
</tr>`,
      )}</tbody>
<tfoot><tr><th scope="row" colspan="2">Subtotal</th><td><strong>${rupees(cart?.subtotal.amount ?? 0)}</strong></td></tr></tfoot>
</table>
${
  short
    ? h`<p class="alert">Some products are short of stock: change their quantity before checkout.</p>`
    : opts.signedIn
      ? h`<p><a class="button" href="/shop/checkout">Checkout</a></p>`
      : h`<p><a class="button" href="/shop/sign-in?next=%2Fshop%2Fcheckout">Sign in to checkout</a></p>`
}`
}`;
  return layout({ title: 'Cart', csrf: opts.csrf, scripts: ['cart'] }, body);
}
