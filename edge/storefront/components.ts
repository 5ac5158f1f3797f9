import type { Money } from '../../openapi/schemas/common.ts';
import type { ProductSummary } from '../../openapi/schemas/search.ts';
import { assetUrl } from './assets/index.ts';
import { pageWindow, rupees } from './format.ts';
import { h, type Html, trusted } from './html.ts';

// Pieces several pages share: prices, images, product cards, form fields and the pager.

export const productHref = (id: string) => `/shop/product/${encodeURIComponent(id)}`;

export function price(p: { price: Money | null; mrp: Money | null; discount_percent: number | null }): Html {
  if (!p.price) return h`<p class="price">Not for sale</p>`;
  const struck = p.mrp && p.mrp.amount > p.price.amount;
  return h`<p class="prices"><span class="price">${rupees(p.price.amount)}</span> ${
    struck && p.mrp ? h`<s class="mrp"><span class="visually-hidden">M.R.P. </span>${rupees(p.mrp.amount)}</s>` : ''
  } ${p.discount_percent ? h`<span class="discount">${p.discount_percent}% off</span>` : ''}</p>`;
}

/** A product image, or the placeholder when there is none; one that fails to load is swapped for it by a script. */
export function image(src: string | null, alt: string, opts: { eager?: boolean; size?: number } = {}): Html {
  const size = opts.size ?? 200;
  return h`<img src="${src ?? assetUrl.placeholder}" alt="${alt}" width="${size}" height="${size}" loading="${opts.eager ? 'eager' : 'lazy'}"${
    src ? h` data-fallback="${assetUrl.placeholder}"` : ''
  }>`;
}

export function productCard(p: ProductSummary, opts: { eager?: boolean } = {}): Html {
  const title = p.highlights?.title?.[0];
  return h`<li><article class="card"><a href="${productHref(p.id)}">
${image(p.image_url, '', opts)}
<h2>${title ? trusted(title) : p.title}</h2></a>
${p.brand ? h`<p>${p.brand}</p>` : ''}
${price(p)}
${p.rating !== null && p.rating_count > 0 ? h`<p>${p.rating.toFixed(1)}★ <span class="visually-hidden">out of 5</span> (${p.rating_count})</p>` : ''}
${p.in_stock ? '' : h`<p class="low">Out of stock</p>`}
</article></li>`;
}

export type FieldProps = {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  extra?: Html;
};

/** A labelled input with its error beside it (and tied to it for screen readers). */
export function field(p: FieldProps): Html {
  const id = `f-${p.name}`;
  return h`<label for="${id}">${p.label}</label>
<input id="${id}" name="${p.name}" type="${p.type ?? 'text'}" value="${p.value ?? ''}"${p.autocomplete ? h` autocomplete="${p.autocomplete}"` : ''}${
    p.required ? h` required` : ''
  }${p.error ? h` aria-invalid="true" aria-describedby="${id}-error"` : ''}${p.extra ?? ''}>
${p.error ? h`<p class="field-error" id="${id}-error">${p.error}</p>` : ''}`;
}

export const hidden = (name: string, value: string) => h`<input type="hidden" name="${name}" value="${value}">`;

/** Page numbers with previous/next; `href(n)` is page n's URL. */
export function pager(current: number, last: number, href: (page: number) => string, label = 'Pages'): Html {
  if (last <= 1) return h``;
  return h`<nav class="pager" aria-label="${label}"><ul>
${current > 1 ? h`<li><a href="${href(current - 1)}" rel="prev">Previous</a></li>` : ''}
${pageWindow(current, last).map((n) =>
  n === null
    ? h`<li><span aria-hidden="true">…</span></li>`
    : n === current
      ? h`<li><a href="${href(n)}" aria-current="page">${n}</a></li>`
      : h`<li><a href="${href(n)}">${n}</a></li>`,
)}
${current < last ? h`<li><a href="${href(current + 1)}" rel="next">Next</a></li>` : ''}
</ul></nav>`;
}
