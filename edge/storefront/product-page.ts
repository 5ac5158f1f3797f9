import type { ProductDetail, ReviewPage } from '../../openapi/schemas/product.ts';
import { hidden, image, pager, price, productHref } from './components.ts';
import { ratingText, stockText, LOW_STOCK } from './format.ts';
import { h, type Html } from './html.ts';
import { layout } from './layout.ts';

// The product page: images, title, brand, price, stock, quantity and "Add to cart", description,
// specifications, rating summary and reviews (paged); signed in, a form to write a review.
export const REVIEWS_PER_PAGE = 5;
const MAX_QUANTITY_CHOICE = 10;

export type ReviewForm = { values: Record<string, string>; errors: Record<string, string>; message?: string };

export type ProductPageOptions = {
  /** The signed-in shopper's form token; null renders the page anyone may be served. */
  csrf: string | null;
  reviewsPage: number;
  reviewForm?: ReviewForm;
  notice?: string;
};

function addToCart(p: ProductDetail, csrf: string | null): Html {
  if (p.price === null || p.available <= 0) return h`<p class="low">${stockText(p.available)}</p>`;
  const choices = Array.from({ length: Math.min(p.available, MAX_QUANTITY_CHOICE) }, (_, i) => i + 1);
  return h`<p class="${p.available <= LOW_STOCK ? 'low' : 'in'}">${stockText(p.available)}</p>
<form method="post" action="/shop/cart/add">
${hidden('product_id', p.id)}${csrf === null ? '' : hidden('_csrf', csrf)}
<label for="quantity">Quantity</label>
<select id="quantity" name="quantity">${choices.map((n) => h`<option value="${n}">${n}</option>`)}</select>
<button type="submit">Add to cart</button>
</form>`;
}

function reviews(p: ProductDetail, page: ReviewPage): Html {
  const last = Math.max(1, Math.ceil(page.total / REVIEWS_PER_PAGE));
  return h`<section aria-labelledby="reviews-h"><h2 id="reviews-h">Reviews</h2>
<p>${ratingText(p.rating_summary)} · ${page.total} ${page.total === 1 ? 'review' : 'reviews'}</p>
${
  page.items.length
    ? h`<ol class="reviews">${page.items.map(
        (r) =>
          h`<li><article><h3>${r.title}</h3><p>${r.rating} out of 5 · by ${r.author} · <time datetime="${r.created_at}">${r.created_at.slice(0, 10)}</time></p><p>${r.body}</p></article></li>`,
      )}</ol>`
    : h`<p>No reviews yet.</p>`
}
${pager(page.page, last, (n) => (n === 1 ? `${productHref(p.id)}#reviews-h` : `${productHref(p.id)}?reviews=${n}#reviews-h`), 'Review pages')}
</section>`;
}

function reviewForm(p: ProductDetail, csrf: string, form: ReviewForm | undefined): Html {
  const v = form?.values ?? {};
  const e = form?.errors ?? {};
  const rating = v.rating ?? '5';
  return h`<section aria-labelledby="write-h"><h2 id="write-h">Write a review</h2>
${form?.message ? h`<p class="alert" role="alert">${form.message}</p>` : ''}
<form method="post" action="${productHref(p.id)}/reviews">
${hidden('_csrf', csrf)}
<label for="f-rating">Rating</label>
<select id="f-rating" name="rating"${e.rating ? h` aria-invalid="true" aria-describedby="f-rating-error"` : ''}>${[5, 4, 3, 2, 1].map((n) =>
    String(n) === rating ? h`<option value="${n}" selected>${n} out of 5</option>` : h`<option value="${n}">${n} out of 5</option>`,
  )}</select>
${e.rating ? h`<p class="field-error" id="f-rating-error">${e.rating}</p>` : ''}
<label for="f-title">Title</label>
<input id="f-title" name="title" value="${v.title ?? ''}" maxlength="200" required${e.title ? h` aria-invalid="true" aria-describedby="f-title-error"` : ''}>
${e.title ? h`<p class="field-error" id="f-title-error">${e.title}</p>` : ''}
<label for="f-body">Review</label>
<textarea id="f-body" name="body" rows="5" maxlength="5000" required${e.body ? h` aria-invalid="true" aria-describedby="f-body-error"` : ''}>${v.body ?? ''}</textarea>
${e.body ? h`<p class="field-error" id="f-body-error">${e.body}</p>` : ''}
<p><button type="submit">Submit review</button></p>
</form></section>`;
}

export function productPage(p: ProductDetail, reviewPage: ReviewPage, opts: ProductPageOptions): Html {
  const [first, ...more] = p.image_urls;
  const body = h`<article class="product">
<div class="gallery">
${image(first ?? null, p.title, { eager: true, size: 448 })}
${more.length ? h`<div class="thumbs">${more.slice(0, 6).map((src, i) => image(src, `${p.title}, picture ${i + 2}`, { size: 64 }))}</div>` : ''}
</div>
<div>
${opts.notice ? h`<p class="notice" role="status">${opts.notice}</p>` : ''}
<h1>${p.title}</h1>
${p.brand ? h`<p>Brand: ${p.brand}</p>` : ''}
${price(p)}
<p>${ratingText(p.rating_summary)}</p>
${addToCart(p, opts.csrf)}
</div>
</article>
${p.description ? h`<section aria-labelledby="desc-h"><h2 id="desc-h">Description</h2><p>${p.description}</p></section>` : ''}
${
  p.specifications.length
    ? h`<section aria-labelledby="spec-h"><h2 id="spec-h">Specifications</h2><table><tbody>${p.specifications.map(
        (s) => h`<tr><th scope="row">${s.key}</th><td>${s.value}</td></tr>`,
      )}</tbody></table></section>`
    : ''
}
${reviews(p, reviewPage)}
${
  opts.csrf === null
    ? h`<p><a href="/shop/sign-in?next=${encodeURIComponent(productHref(p.id))}">Sign in</a> to review a product you bought.</p>`
    : reviewForm(p, opts.csrf, opts.reviewForm)
}`;
  return layout({ title: p.title, csrf: opts.csrf, description: p.description?.slice(0, 150) ?? p.title }, body);
}
