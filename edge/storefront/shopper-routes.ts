import type { Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { LoginBodySchema, RegisterBodySchema, type AuthResponse } from '../../openapi/schemas/auth.ts';
import type { Cart } from '../../openapi/schemas/cart.ts';
import type { CheckoutResponse } from '../../openapi/schemas/checkout.ts';
import type { Order, OrdersPage, OrderStatusResponse } from '../../openapi/schemas/orders.ts';
import { ReviewBodySchema } from '../../openapi/schemas/reviews.ts';
import type { EdgeApp, EdgeEnv } from '../context.ts';
import { rateLimitHeaders, type WriteLimiter } from '../http/rate-limit.ts';
import { isProblem } from '../routes/catalog-reads.ts';
import { cartPage } from './cart-page.ts';
import { productHref } from './components.ts';
import type { RenderProduct } from './catalog-routes.ts';
import { addressOf, checkoutPage, formErrors, type CheckoutForm } from './checkout-page.ts';
import type { CallCore, CoreAnswer, CoreCall } from './core-client.ts';
import { csrfVerdict, sameOrigin } from './csrf.ts';
import { errorsByField, quantityOf, readForm, safeNext } from './forms.ts';
import { orderHref, orderPage, ordersPage, timeline } from './orders-page.ts';
import { paymentPage } from './payment-page.ts';
import { errorPage, notFoundPage, PRIVATE, seeOther, sendPage } from './respond.ts';
import { COOKIE, endSession, guestCartToken, hasSessionCookie, keepGuestCart, startSession, type Shopper } from './session.ts';
import { signInPage } from './sign-in-page.ts';

// The pages of one shopper (cart, sign-in, checkout, payment, orders, reviews): never cached;
// every write is a form post, checked for CSRF and the write limits like the API's writes, then
// sent to core with the session's bearer token (or the guest's cart token), answered by a 303.
export type ShopperPagesDeps = {
  callCore: CallCore;
  shopper(c: Context<EdgeEnv>): Promise<Shopper | null>;
  limitWrites: WriteLimiter;
  clientIp: (c: Context<EdgeEnv>) => string;
  renderProduct: RenderProduct;
};

const ORDER_LOOKUP_PAGES = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerShopperPages(app: EdgeApp, deps: ShopperPagesDeps): void {
  const core = <T>(c: Context<EdgeEnv>, call: Omit<CoreCall, 'requestId' | 'clientIp'>): Promise<CoreAnswer<T>> =>
    deps.callCore<T>({ ...call, requestId: c.get('requestId'), clientIp: deps.clientIp(c) });
  const current = (c: Context<EdgeEnv>) => (hasSessionCookie(c) ? deps.shopper(c) : Promise.resolve(null));
  const signInFirst = (c: Context<EdgeEnv>) => seeOther(c, `/shop/sign-in?next=${encodeURIComponent(new URL(c.req.url).pathname)}`);
  /** An answer of core the page cannot do anything about: its error page, with core's status. */
  const failed = (c: Context<EdgeEnv>, a: { status: number; problem: { title: string; detail?: string | undefined } }) =>
    a.status === 404 ? notFoundPage(c) : errorPage(c, a.status, a.problem.title, a.problem.detail ?? '');

  /** A form post's checks: same origin, the session's token, the write limits. */
  async function accept(c: Context<EdgeEnv>): Promise<{ form: Record<string, string>; shopper: Shopper | null } | Response> {
    const form = await readForm(c);
    const shopper = await current(c);
    const verdict = csrfVerdict({ sameOrigin: await sameOrigin(c), sessionToken: shopper ? shopper.csrf : null, formToken: form._csrf });
    if (verdict === 'foreign-origin') return errorPage(c, 403, 'Form refused', 'This form was sent from another site, so it was not accepted.');
    if (verdict === 'bad-token') return errorPage(c, 403, 'Form expired', 'This form is from an earlier session. Go back, reload the page and try again.');
    c.set('userId', shopper?.claims.sub ?? null);
    const limit = await deps.limitWrites(deps.clientIp(c), shopper?.claims.sub ?? null);
    if (!limit.allowed) {
      const res = errorPage(c, 429, 'Too many requests', `Please wait ${limit.resetSeconds} seconds and try again.`);
      for (const [k, v] of Object.entries({ ...rateLimitHeaders(limit), 'retry-after': String(limit.resetSeconds) })) res.headers.set(k, v);
      return res;
    }
    return { form, shopper };
  }

  const cartOwner = (c: Context<EdgeEnv>, shopper: Shopper | null) => (shopper ? { token: shopper.token } : { cartToken: guestCartToken(c) });

  async function showCart(c: Context<EdgeEnv>, shopper: Shopper | null, error?: { status: number; message: string }): Promise<Response> {
    const owner = cartOwner(c, shopper);
    let cart: Cart | null = null;
    if (owner.token || owner.cartToken) {
      const res = await core<Cart>(c, { method: 'GET', path: '/cart', ...owner });
      if (res.ok) cart = res.body;
      else if (!shopper && (res.status === 401 || res.status === 404)) deleteCookie(c, COOKIE.cart, { path: '/', secure: true });
      else return failed(c, res);
    }
    const page = cartPage(cart, { csrf: shopper ? shopper.csrf : null, signedIn: shopper !== null, ...(error ? { error: error.message } : {}) });
    return sendPage(c, error?.status ?? 200, page);
  }

  app.get('/shop/cart', async (c) => showCart(c, await current(c)));

  const cartWrite = (path: string, build: (form: Record<string, string>) => { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown } | string) =>
    app.post(path, async (c) => {
      const accepted = await accept(c);
      if (accepted instanceof Response) return accepted;
      const { form, shopper } = accepted;
      const call = build(form);
      if (typeof call === 'string') return showCart(c, shopper, { status: 400, message: call });
      const owner = cartOwner(c, shopper);
      if (call.method !== 'POST' && !owner.token && !owner.cartToken) return seeOther(c, '/shop/cart');
      const res = await core<Cart>(c, { ...call, ...owner });
      if (!res.ok) return res.status >= 500 ? failed(c, res) : showCart(c, shopper, { status: res.status, message: res.problem.detail ?? res.problem.title });
      if (!shopper && res.body.cart_token) keepGuestCart(c, res.body.cart_token);
      return seeOther(c, '/shop/cart');
    });

  const productId = (form: Record<string, string>) =>
    form.product_id && /^[A-Za-z0-9_-]{1,100}$/.test(form.product_id) ? encodeURIComponent(form.product_id) : null;
  cartWrite('/shop/cart/add', (form) => {
    const quantity = quantityOf(form.quantity);
    if (!productId(form) || quantity === null) return 'Choose a product and a quantity from 1 to 1000.';
    return { method: 'POST', path: '/cart/add_products', body: { items: [{ product_id: form.product_id, quantity }] } };
  });
  cartWrite('/shop/cart/update', (form) => {
    const id = productId(form);
    const quantity = quantityOf(form.quantity);
    if (!id || quantity === null) return 'Choose a quantity from 1 to 1000.';
    return { method: 'PUT', path: `/cart/items/${id}`, body: { quantity } };
  });
  cartWrite('/shop/cart/remove', (form) => {
    const id = productId(form);
    return id ? { method: 'DELETE', path: `/cart/items/${id}` } : 'That product is not in your cart.';
  });

  // Sign in and register: the session cookie comes from core's token; the guest cart is merged by core.
  for (const kind of ['sign-in', 'register'] as const) {
    app.get(`/shop/${kind}`, async (c) => {
      const next = safeNext(c.req.query('next'));
      if (await current(c)) return seeOther(c, next);
      return sendPage(c, 200, signInPage(kind, { next, errors: {} }));
    });
    app.post(`/shop/${kind}`, async (c) => {
      const accepted = await accept(c);
      if (accepted instanceof Response) return accepted;
      const { form } = accepted;
      const next = safeNext(form.next);
      const again = (status: number, errors: Record<string, string>, message?: string) =>
        sendPage(c, status, signInPage(kind, { email: form.email ?? '', next, errors, ...(message ? { message } : {}) }));
      const input = { email: (form.email ?? '').trim(), password: form.password ?? '' };
      const parsed = (kind === 'sign-in' ? LoginBodySchema : RegisterBodySchema).safeParse(input);
      if (!parsed.success) return again(400, errorsByField(parsed.error.issues));
      const res = await core<AuthResponse>(c, {
        method: 'POST',
        path: kind === 'sign-in' ? '/auth/login' : '/auth/register',
        body: input,
        cartToken: guestCartToken(c),
      });
      if (!res.ok) {
        if (res.status === 401) return again(401, {}, 'The email or password is not right.');
        if (res.status === 409) return again(409, { email: 'An account with this email exists. Sign in instead.' });
        if (res.status === 400) return again(400, errorsByField((res.problem.errors ?? []).map((e) => ({ path: [e.field], message: e.message }))));
        if (res.status === 429) return again(429, {}, res.problem.detail ?? 'Too many attempts; try again in a minute.');
        return failed(c, res);
      }
      startSession(c, res.body);
      return seeOther(c, next);
    });
  }

  app.post('/shop/sign-out', async (c) => {
    const accepted = await accept(c);
    if (accepted instanceof Response) return accepted;
    endSession(c);
    return seeOther(c, '/');
  });

  // Checkout: a fresh Idempotency-Key per render; core replays the first answer to the same key.
  const showCheckout = async (c: Context<EdgeEnv>, shopper: Shopper, status: number, form: CheckoutForm) => {
    const cart = await core<Cart>(c, { method: 'GET', path: '/cart', token: shopper.token });
    if (!cart.ok) return failed(c, cart);
    if (cart.body.items.length === 0) return seeOther(c, '/shop/cart');
    return sendPage(c, status, checkoutPage(cart.body, shopper.csrf, crypto.randomUUID(), form));
  };

  app.get('/shop/checkout', async (c) => {
    const shopper = await current(c);
    return shopper ? showCheckout(c, shopper, 200, { values: {}, errors: {} }) : signInFirst(c);
  });

  app.post('/shop/checkout', async (c) => {
    const accepted = await accept(c);
    if (accepted instanceof Response) return accepted;
    const { form, shopper } = accepted;
    if (!shopper) return signInFirst(c);
    const res = await core<CheckoutResponse>(c, {
      method: 'POST',
      path: '/checkout',
      token: shopper.token,
      idempotencyKey: form.idempotency_key || crypto.randomUUID(),
      body: { shipping_address: addressOf(form) },
    });
    if (res.ok) return seeOther(c, `/shop/pay/${res.body.order_id}`);
    if (res.status >= 500) return failed(c, res);
    const { byField, other } = formErrors(res.problem.errors);
    const message =
      Object.keys(byField).length && !other.length ? 'Please correct the marked fields.' : [res.problem.detail ?? res.problem.title, ...other].join(' ');
    return showCheckout(c, shopper, res.status, { values: form, errors: byField, message });
  });

  /** One of the shopper's orders (core lists them; it has no single-order read). */
  async function findOrder(c: Context<EdgeEnv>, shopper: Shopper, id: string): Promise<Order | null | Response> {
    if (!UUID.test(id)) return null;
    let cursor: string | null = null;
    for (let i = 0; i < ORDER_LOOKUP_PAGES; i++) {
      const res: CoreAnswer<OrdersPage> = await core<OrdersPage>(c, {
        method: 'GET',
        path: `/orders?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token: shopper.token,
      });
      if (!res.ok) return failed(c, res);
      const found = res.body.items.find((o) => o.order_id === id);
      if (found) return found;
      cursor = res.body.next_cursor;
      if (!cursor) break;
    }
    return null;
  }

  const showPayment = async (c: Context<EdgeEnv>, shopper: Shopper, id: string, status = 200, opts: { error?: string; chosen?: string } = {}) => {
    const order = await findOrder(c, shopper, id);
    if (order instanceof Response) return order;
    if (!order) return notFoundPage(c);
    if (order.status !== 'pending_payment') return seeOther(c, orderHref(id));
    return sendPage(c, status, paymentPage(order, shopper.csrf, crypto.randomUUID(), opts));
  };

  app.get('/shop/pay/:id', async (c) => {
    const shopper = await current(c);
    return shopper ? showPayment(c, shopper, c.req.param('id')) : signInFirst(c);
  });

  app.post('/shop/pay/:id', async (c) => {
    const accepted = await accept(c);
    if (accepted instanceof Response) return accepted;
    const { form, shopper } = accepted;
    if (!shopper) return signInFirst(c);
    const id = c.req.param('id');
    if (!UUID.test(id)) return notFoundPage(c);
    const res = await core(c, {
      method: 'POST',
      path: '/payment',
      token: shopper.token,
      idempotencyKey: form.idempotency_key || crypto.randomUUID(),
      body: { order_id: id, payment_method: form.payment_method ?? '' },
    });
    if (res.ok) return seeOther(c, `${orderHref(id)}?paid=1`);
    if (res.status >= 500 && res.status !== 504) return failed(c, res);
    return showPayment(c, shopper, id, res.status, {
      error: res.problem.detail ?? res.problem.title,
      ...(form.payment_method ? { chosen: form.payment_method } : {}),
    });
  });

  app.get('/shop/orders', async (c) => {
    const shopper = await current(c);
    if (!shopper) return signInFirst(c);
    const cursor = c.req.query('cursor');
    const res = await core<OrdersPage>(c, {
      method: 'GET',
      path: `/orders?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token: shopper.token,
    });
    if (!res.ok)
      return res.status === 400 ? errorPage(c, 400, 'Those orders could not be listed', 'The page link is not valid.', shopper.csrf) : failed(c, res);
    return sendPage(c, 200, ordersPage(res.body.items, res.body.next_cursor, shopper.csrf));
  });

  const orderStatus = (c: Context<EdgeEnv>, shopper: Shopper, id: string) =>
    core<OrderStatusResponse>(c, { method: 'GET', path: `/order_status?order_id=${encodeURIComponent(id)}`, token: shopper.token });

  const showOrder = async (c: Context<EdgeEnv>, shopper: Shopper, id: string, status = 200, opts: { notice?: string; error?: string } = {}) => {
    const order = await findOrder(c, shopper, id);
    if (order instanceof Response) return order;
    if (!order) return notFoundPage(c);
    const live = await orderStatus(c, shopper, id);
    if (!live.ok) return failed(c, live);
    return sendPage(c, status, orderPage(order, live.body, shopper.csrf, opts));
  };

  app.get('/shop/orders/:id', async (c) => {
    const shopper = await current(c);
    if (!shopper) return signInFirst(c);
    return showOrder(c, shopper, c.req.param('id'), 200, c.req.query('paid') ? { notice: 'Payment received. Thank you!' } : {});
  });

  app.get('/shop/orders/:id/timeline', async (c) => {
    const shopper = await current(c);
    if (!shopper) return c.body('', 401, { 'cache-control': PRIVATE });
    const id = c.req.param('id');
    if (!UUID.test(id)) return c.body('', 404, { 'cache-control': PRIVATE });
    const live = await orderStatus(c, shopper, id);
    if (!live.ok) return c.body('', live.status as 404, { 'cache-control': PRIVATE });
    return c.body(timeline(live.body).toString(), 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': PRIVATE });
  });

  app.post('/shop/orders/:id/cancel', async (c) => {
    const accepted = await accept(c);
    if (accepted instanceof Response) return accepted;
    const { shopper } = accepted;
    if (!shopper) return signInFirst(c);
    const id = c.req.param('id');
    if (!UUID.test(id)) return notFoundPage(c);
    const res = await core<Order>(c, { method: 'POST', path: `/orders/${id}/cancel`, token: shopper.token, body: {} });
    if (res.ok) return seeOther(c, orderHref(id));
    if (res.status >= 500) return failed(c, res);
    return showOrder(c, shopper, id, res.status, { error: res.problem.detail ?? res.problem.title });
  });

  app.post('/shop/product/:id/reviews', async (c) => {
    const accepted = await accept(c);
    if (accepted instanceof Response) return accepted;
    const { form, shopper } = accepted;
    const id = c.req.param('id');
    if (!shopper) return signInFirst(c);
    const values = { rating: form.rating ?? '', title: form.title ?? '', body: form.body ?? '' };
    const again = async (status: number, errors: Record<string, string>, message?: string) => {
      const page = await deps.renderProduct(c, id, 1, shopper, { reviewForm: { values, errors, ...(message ? { message } : {}) } });
      return isProblem(page) ? failed(c, { status: page.status, problem: page }) : sendPage(c, status, page);
    };
    const parsed = ReviewBodySchema.safeParse({ ...values, rating: Number(values.rating) });
    if (!parsed.success) return again(400, errorsByField(parsed.error.issues));
    const res = await core(c, { method: 'POST', path: `/products/${encodeURIComponent(id)}/reviews`, token: shopper.token, body: parsed.data });
    // Post/Redirect/Get: a reload of the product page then never posts the review again.
    if (res.ok) return seeOther(c, `${productHref(id)}?reviewed=1`);
    if (res.status === 403) return again(403, {}, 'Only shoppers who bought this product can review it.');
    if (res.status === 409) return again(409, {}, 'You have already reviewed this product.');
    if (res.status === 400) return again(400, errorsByField((res.problem.errors ?? []).map((e) => ({ path: [e.field], message: e.message }))));
    return failed(c, res);
  });
}
