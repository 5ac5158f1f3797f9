import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropIndices } from '../cdc/search/indices.ts';
import { config } from '../config/index.ts';
import { STOCK_AVAILABLE_FIELD, stockKeys } from '../openapi/internal/read-model.ts';
import { testEs, testSql } from './cdc-harness.ts';
import { loadCatalogSlice, seedProducts } from './support/seed-index.ts';
import { freePort, startEntry, startNodeEdge, type Running } from './support/servers.ts';

// The shop over plain HTTP, as a browser without JavaScript uses it: form posts, 303 redirects and
// cookies. Core runs as a child process; the edge in-process on a private index of one product,
// whose units are in the stock projection the indexer would keep (product pages read them there).
const prefix = `storefront-${randomUUID().slice(0, 8)}`;
const productId = `sf-${randomUUID().slice(0, 8)}`;
const sql = testSql();
const es = testEs();
const redis = new Redis({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN });
const ON_HAND = 3;
const running: Running[] = [];
let shop = '';

/** A browser's cookie jar and form posts (same-origin unless told otherwise). */
function browser() {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('accept', 'text/html');
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(shop + path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, eq));
      else jar.set(pair.slice(0, eq), value);
    }
    return res;
  };
  return {
    jar,
    setCookies,
    get: (path: string) => send(path),
    post: (path: string, form: Record<string, string>, origin = shop) =>
      send(path, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded', origin } }),
  };
}

const hiddenValue = (page: string, name: string) => page.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '';

beforeAll(async () => {
  await sql.begin(async (tx) => {
    await tx`insert into products ${tx({ id: productId, pid: `PID-${productId}`, title: `Storefront Kettle ${productId} <b>steel</b>`, brand: 'Acme & Sons', category_path: ['Home', 'Kitchen'], description: 'Boils <water> fast', price_amount: 12_345_650, mrp_amount: 15_000_000 })}`;
    await tx`insert into inventory ${tx({ product_id: productId, on_hand: ON_HAND, reserved: 0 })}`;
  });
  await seedProducts(es, prefix, await loadCatalogSlice(sql, [productId], 0));
  await redis.hset(stockKeys.product(prefix, productId), { [STOCK_AVAILABLE_FIELD]: ON_HAND });
  const coreUrl = `http://127.0.0.1:${await freePort()}`;
  running.push(await startEntry('core/main.ts', { LOG_LEVEL: 'info', CORE_URL: coreUrl }, `${coreUrl}/health`));
  const edge = await startNodeEdge({ LOG_LEVEL: 'info', CORE_URL: coreUrl, SEARCH_INDEX_PREFIX: prefix });
  running.push(edge);
  shop = edge.url;
}, 120_000);

afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  await dropIndices(es, prefix);
  await redis.del(stockKeys.product(prefix, productId));
  await sql`delete from products where id = ${productId}`.catch(() => undefined);
  await es.close();
  await sql.end();
}, 60_000);

describe('anonymous pages', () => {
  it('home, search and product are HTML with the page CSP, cached publicly with an ETag', async () => {
    const b = browser();
    for (const path of ['/', `/shop/search?q=kettle+${productId}`, `/shop/product/${productId}`]) {
      const first = await b.get(path);
      expect(first.status, path).toBe(200);
      expect(first.headers.get('content-type')).toMatch(/^text\/html/);
      expect(first.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(first.headers.get('cache-control')).toMatch(/^public/);
      const etag = first.headers.get('etag')!;
      expect(etag).toBeTruthy();
      await first.text();
      let again = await b.get(path);
      for (let i = 0; i < 40 && again.headers.get('x-cache') !== 'HIT'; i++) {
        await again.text();
        await new Promise((r) => setTimeout(r, 25));
        again = await b.get(path);
      }
      expect(again.headers.get('x-cache'), path).toBe('HIT');
      expect(again.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await again.text()).toContain('<main id="main"');
      const notModified = await fetch(shop + path, { headers: { 'if-none-match': etag } });
      expect(notModified.status).toBe(304);
    }
  });

  it('search marks the matched words and escapes the rest; the product page shows rupees, MRP, discount and stock', async () => {
    const b = browser();
    const search = await (await b.get(`/shop/search?q=kettle+${productId}`)).text();
    expect(search).toContain('<em>Kettle</em>');
    expect(search).toContain('&lt;b&gt;');
    expect(search).not.toContain('<b>steel');
    expect(search).toMatch(/1 result\b/);
    const product = await (await b.get(`/shop/product/${productId}`)).text();
    expect(product).toContain('₹1,23,456.50');
    expect(product).toContain('₹1,50,000');
    expect(product).toMatch(/<s class="mrp">/);
    expect(product).toContain('18% off');
    expect(product).toContain('Only 3 left');
    expect(product).toContain('Acme &amp; Sons');
    expect(product).toContain('Boils &lt;water&gt; fast');
    expect(product).toMatch(/<label for="quantity">Quantity<\/label>/);
    expect(product).toContain('>Add to cart</button>');
  });

  it('an unknown product or page is the styled 404 with the request id; a bad search is a 400 page, never a 500', async () => {
    const b = browser();
    for (const path of ['/shop/product/no-such-product', '/shop/nowhere']) {
      const res = await b.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain(res.headers.get('x-request-id')!);
    }
    const bad = await b.get('/shop/search?q=x&page=abc&sort=cheapest');
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(/at \w+ \(|Error:/);
    const api = await fetch(`${shop}/nowhere`);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('the journey without JavaScript', () => {
  it('guest cart → register (cart merged) → checkout with inline errors → idempotent order → declined, then paid → order and My orders', async () => {
    const b = browser();
    const added = await b.post('/shop/cart/add', { product_id: productId, quantity: '2' });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/shop/cart');
    const cartCookie = b.setCookies.find((c) => c.startsWith('cart='))!;
    expect(cartCookie).toMatch(/HttpOnly/);
    expect(cartCookie).toMatch(/Secure/);
    expect(cartCookie).toMatch(/SameSite=Lax/);
    expect(cartCookie).toMatch(/Path=\//);
    expect(await (await b.get('/shop/cart')).text()).toContain('₹2,46,913');

    const email = `sf-${randomUUID()}@example.com`;
    const badRegister = await b.post('/shop/register', { email, password: 'short', next: '/shop/checkout' });
    expect(badRegister.status).toBe(400);
    const badPage = await badRegister.text();
    expect(badPage).toContain(`value="${email}"`);
    expect(badPage).toMatch(/id="f-password-error"/);

    const registered = await b.post('/shop/register', { email, password: 'correct horse battery', next: '/shop/checkout' });
    expect(registered.status).toBe(303);
    expect(registered.headers.get('location')).toBe('/shop/checkout');
    const session = b.setCookies.find((c) => c.startsWith('sid='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(b.jar.has('cart')).toBe(false);

    const cart = await b.get('/shop/cart');
    expect(cart.headers.get('cache-control')).toBe('private, no-store');
    expect(await cart.text()).toContain('₹2,46,913');
    const home = await b.get('/');
    expect(home.headers.get('cache-control')).toBe('private, no-store');
    expect(await home.text()).toContain('>Sign out</button>');

    const checkout = await (await b.get('/shop/checkout')).text();
    const csrf = hiddenValue(checkout, '_csrf');
    const key = hiddenValue(checkout, 'idempotency_key');
    expect(csrf).toBe(b.jar.get('csrf'));
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const address = { name: 'Asha', line1: '1 MG Road', city: 'Pune', state: 'MH', postal_code: '41100', _csrf: csrf, idempotency_key: key };
    const invalid = await b.post('/shop/checkout', address);
    expect(invalid.status).toBe(400);
    const invalidPage = await invalid.text();
    expect(invalidPage).toMatch(/id="f-postal_code-error"/);
    expect(invalidPage).toContain('value="1 MG Road"');
    const key2 = hiddenValue(invalidPage, 'idempotency_key');
    expect(key2).not.toBe(key);

    const placed = await b.post('/shop/checkout', { ...address, postal_code: '411001', idempotency_key: key2 });
    expect(placed.status).toBe(303);
    const payAt = placed.headers.get('location')!;
    expect(payAt).toMatch(/^\/shop\/pay\/[0-9a-f-]{36}$/);
    const replayed = await b.post('/shop/checkout', { ...address, postal_code: '411001', idempotency_key: key2 });
    expect(replayed.headers.get('location')).toBe(payAt);
    const orderId = payAt.split('/').at(-1)!;

    const pay = await (await b.get(payAt)).text();
    expect(pay).toMatch(/Pay by <time/);
    const declined = await b.post(payAt, { _csrf: csrf, idempotency_key: hiddenValue(pay, 'idempotency_key'), payment_method: 'tok_decline' });
    expect(declined.status).toBe(402);
    const declinedPage = await declined.text();
    expect(declinedPage).toContain('Payment failed');
    const paid = await b.post(payAt, { _csrf: csrf, idempotency_key: hiddenValue(declinedPage, 'idempotency_key'), payment_method: 'tok_success' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`/shop/orders/${orderId}?paid=1`);

    const order = await (await b.get(`/shop/orders/${orderId}`)).text();
    expect(order).toContain('data-status="paid"');
    expect(order).toContain('>Cancel order</button>');
    const fragment = await b.get(`/shop/orders/${orderId}/timeline`);
    expect(await fragment.text()).toContain('data-status="paid"');
    expect(await (await b.get('/shop/orders')).text()).toContain(`/shop/orders/${orderId}`);

    const review = { _csrf: csrf, rating: '5', title: 'Boils fast', body: 'Two litres in three minutes.' };
    const unrated = await b.post(`/shop/product/${productId}/reviews`, { ...review, rating: '9' });
    expect(unrated.status).toBe(400);
    expect(await unrated.text()).toContain('value="Boils fast"');
    const reviewed = await b.post(`/shop/product/${productId}/reviews`, review);
    expect(reviewed.status).toBe(303);
    expect(reviewed.headers.get('location')).toBe(`/shop/product/${productId}?reviewed=1`);
    const thanked = await b.get(reviewed.headers.get('location')!);
    expect(thanked.headers.get('cache-control')).toBe('private, no-store');
    expect(await thanked.text()).toContain('Thank you! Your review will appear here shortly.');
    const twice = await b.post(`/shop/product/${productId}/reviews`, review);
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('You have already reviewed this product.');
    expect(await (await browser().get(`/shop/product/${productId}?reviewed=1`)).text()).not.toContain('Thank you!');
  });

  it('refuses a form from another site, and a signed-in form without the session token, with a page saying so', async () => {
    const b = browser();
    const foreign = await b.post('/shop/cart/add', { product_id: productId, quantity: '1' }, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('another site');
    await b.post('/shop/register', { email: `sf-${randomUUID()}@example.com`, password: 'correct horse battery', next: '/' });
    expect(b.jar.has('sid')).toBe(true);
    const tokenless = await b.post('/shop/cart/add', { product_id: productId, quantity: '1' });
    expect(tokenless.status).toBe(403);
    expect(await tokenless.text()).toContain('Form expired');
  });

  it('pages that need a session send the shopper to sign in and back', async () => {
    const res = await browser().get('/shop/checkout');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/shop/sign-in?next=%2Fshop%2Fcheckout');
  });
});
