import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accessibilityFailures, type Chromium, clearScreenshots, launchChromium, screenshotEveryWidth } from '../support/browser.ts';
import { startWorkerdEdge } from '../support/servers.ts';
import { type Shop, startShop } from './shop.ts';

// The shopper's whole journey in headless Chromium, with JavaScript and without: search with a
// typo, filter by brand, product, cart (2, then 1), sign in (the guest cart merged), checkout, a
// declined payment then a paid one, and the order page following an operator's status change.
// Every page is screenshot at desktop and mobile widths (.test-artifacts/screenshots/), must fit
// the mobile width, and, with JavaScript, passes axe (no serious or critical finding).
const PASSWORD = 'correct horse battery';
let shop: Shop;
let chromium: Chromium;
let adminToken: string;

async function registeredUser(role: 'customer' | 'admin'): Promise<{ email: string; token: string }> {
  const email = `browser-${randomUUID()}@example.com`;
  const reg = await shop.core.call('POST', '/auth/register', { body: { email, password: PASSWORD } });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  if (role === 'customer') return { email, token: reg.body.access_token };
  await shop.core.sql`update users set role = 'admin' where email = ${email}`;
  const login = await shop.core.call('POST', '/auth/login', { body: { email, password: PASSWORD } });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return { email, token: login.body.access_token };
}

beforeAll(async () => {
  clearScreenshots();
  shop = await startShop();
  chromium = await launchChromium();
  adminToken = (await registeredUser('admin')).token;
}, 120_000);

afterAll(async () => {
  await chromium?.browser.close();
  await shop?.stop();
});

/** Runs `action` and waits until it has loaded a new document in the page (a link, a form post, a redirect). */
async function navigates(page: Page, action: () => Promise<unknown>): Promise<void> {
  const loaded = page.waitForEvent('load');
  await action();
  await loaded;
}

const setStatus = async (orderId: string, status: string) => {
  const r = await shop.core.call('POST', `/admin/orders/${orderId}/status`, { token: adminToken, body: { status } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
};

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
] as const)('the shopper %s', (_, javaScriptEnabled) => {
  const mode = javaScriptEnabled ? 'js' : 'nojs';
  const findings: string[] = [];
  beforeEach(() => {
    findings.length = 0;
  });
  /** Screenshots of the page at every width; what overflows the mobile width and, with scripts on, axe's serious and critical findings noted under its name. */
  async function seen(page: Page, name: string): Promise<void> {
    const overflow = await screenshotEveryWidth(page, `${mode}-${name}`);
    const accessibility = javaScriptEnabled ? await accessibilityFailures(page) : [];
    findings.push(...[...overflow, ...accessibility].map((f) => `${name}: ${f}`));
  }

  it('searches with a typo, filters by brand, buys one, is declined then pays, and sees the order shipped', async () => {
    const { title, id } = shop.product;
    const shopper = await registeredUser('customer');
    const context = await chromium.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const main = page.getByRole('main');

    await page.goto(`${shop.url}/`);
    await main.getByRole('heading', { name: 'Find what you need' }).waitFor();
    await seen(page, '01-home');

    if (javaScriptEnabled) {
      // typeahead: suggestions from /products/suggest under the search box
      await main.getByLabel('Search products').pressSequentially('samsung', { delay: 20 });
      await main.getByRole('listbox').getByRole('option').first().waitFor();
      await seen(page, '01b-home-typeahead');
      await main.getByLabel('Search products').fill('');
    }
    await main.getByLabel('Search products').fill('samsnug galaxy');
    await navigates(page, () => main.getByRole('button', { name: 'Search' }).click());
    expect(new URL(page.url()).pathname).toBe('/shop/search');
    await main
      .getByRole('status')
      .filter({ hasText: /\d+ results?/ })
      .waitFor();
    await seen(page, '02-search');

    const filters = page.getByRole('complementary', { name: 'Filters' });
    await navigates(page, () => filters.getByRole('link', { name: /^Samsung \(\d+\)$/ }).click());
    expect(new URL(page.url()).searchParams.get('brand')).toBe('Samsung');
    expect(await filters.locator('a[aria-current="true"]').textContent()).toMatch(/^Samsung \(\d+\)$/);
    const brands = await main.locator('.grid article p:not(.price)').first().textContent();
    expect(brands).toBe('Samsung');
    await seen(page, '03-search-brand');

    await navigates(page, () => main.getByRole('link', { name: title }).click());
    expect(new URL(page.url()).pathname).toBe(`/shop/product/${id}`);
    await main.getByRole('heading', { level: 1, name: title }).waitFor();
    const productText = await main.textContent();
    expect(productText).toContain('₹12,499');
    expect(productText).toContain('₹16,999');
    expect(productText).toContain('26% off');
    expect(productText).toContain('In stock');
    await seen(page, '04-product');

    await main.getByLabel('Quantity', { exact: true }).selectOption('2');
    await navigates(page, () => main.getByRole('button', { name: 'Add to cart' }).click());
    expect(new URL(page.url()).pathname).toBe('/shop/cart');
    const quantity = main.getByLabel(`Quantity of ${title}`);
    expect(await quantity.inputValue()).toBe('2');
    expect(await main.locator('tfoot').textContent()).toContain('₹24,998');
    await seen(page, '05-cart');

    // with scripts the choice submits itself; without, the Update button does
    await navigates(page, async () => {
      await quantity.selectOption('1');
      if (!javaScriptEnabled) await main.getByRole('button', { name: 'Update' }).click();
    });
    expect(await quantity.inputValue()).toBe('1');
    expect(await main.locator('tfoot').textContent()).toContain('₹12,499');

    await navigates(page, () => main.getByRole('link', { name: 'Sign in to checkout' }).click());
    await seen(page, '06-sign-in');
    await main.getByLabel('Email').fill(shopper.email);
    await main.getByLabel('Password').fill(PASSWORD);
    await navigates(page, () => main.getByRole('button', { name: 'Sign in' }).click());
    expect(new URL(page.url()).pathname).toBe('/shop/checkout');
    // the guest cart became the shopper's
    expect(await main.getByRole('region', { name: 'Order summary' }).textContent()).toContain(`1 × ${title}`);
    await seen(page, '07-checkout');

    await main.getByLabel('Full name').fill('Asha Rao');
    await main.getByLabel('Address line 1').fill('12 MG Road');
    await main.getByLabel('City').fill('Bengaluru');
    await main.getByLabel('State', { exact: true }).fill('Karnataka');
    await main.getByLabel('PIN code').fill('560001');
    await navigates(page, () => main.getByRole('button', { name: 'Place order' }).click());
    const orderId = /^\/shop\/pay\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    expect(orderId, page.url()).toBeTruthy();
    expect(await main.textContent()).toContain('Amount due: ₹12,499');
    await seen(page, '08-payment');

    await main.getByLabel('Mastercard ending 0002 (declined)').check();
    await navigates(page, () => main.getByRole('button', { name: 'Pay' }).click());
    const declined = await main.getByRole('alert').textContent();
    expect(declined).toMatch(/Payment failed:\s*\S+/);
    await seen(page, '09-payment-declined');

    await main.getByLabel('Visa ending 4242 (pays)').check();
    await navigates(page, () => main.getByRole('button', { name: 'Pay' }).click());
    expect(new URL(page.url()).pathname).toBe(`/shop/orders/${orderId}`);
    const status = main.locator('[data-status]');
    expect(await status.getAttribute('data-status')).toBe('paid');
    await seen(page, '10-order-paid');

    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await setStatus(orderId!, 'packed');
    await setStatus(orderId!, 'shipped');
    if (javaScriptEnabled) {
      // the page polls the timeline every 3 s
      await main.locator('[data-status="shipped"]').waitFor({ timeout: 15_000 });
      expect(navigations).toBe(0);
    } else {
      await page.reload();
      expect(await status.getAttribute('data-status')).toBe('shipped');
    }
    expect(await main.locator('.timeline').textContent()).toMatch(/Paid[\s\S]*Packed[\s\S]*Shipped/);
    await seen(page, '11-order-shipped');

    await navigates(page, () => page.getByRole('link', { name: 'My orders' }).first().click());
    expect(await main.getByRole('row', { name: new RegExp(title) }).textContent()).toContain('Shipped');
    await seen(page, '12-orders');
    await context.close();
    expect(findings).toEqual([]);
  }, 120_000);

  it('finds the other pages: register, a missing product (404 with the request id) and the API reference', async () => {
    const context = await chromium.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    await page.goto(`${shop.url}/shop/register`);
    await page.getByRole('main').getByRole('button', { name: 'Create account' }).waitFor();
    await seen(page, 'other-register');

    const missing = await page.goto(`${shop.url}/shop/product/no-such-product`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.locator('.request-id').textContent()).toContain(missing?.headers()['x-request-id']);
    await seen(page, 'other-not-found');

    const docs = await page.goto(`${shop.url}/docs`);
    expect(docs?.status()).toBe(200);
    // the reference is drawn by its script, from this server alone (the machine is offline)
    if (javaScriptEnabled) await page.getByText('Commerce API').first().waitFor({ timeout: 15_000 });
    await seen(page, 'other-docs');
    await context.close();

    expect(findings).toEqual([]);
  }, 120_000);
});

describe('the storefront under workerd', () => {
  it('serves the home and product pages with their stylesheet', async () => {
    const worker = await startWorkerdEdge(shop.settings);
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const home = await page.goto(`${worker.url}/`);
      expect(home?.status()).toBe(200);
      await page.getByRole('heading', { name: 'Find what you need' }).waitFor();
      const product = await page.goto(`${worker.url}/shop/product/${shop.product.id}`);
      expect(product?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: shop.product.title }).waitFor();
      expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
      await screenshotEveryWidth(page, 'workerd-product');
    } finally {
      await context.close();
      await worker.stop();
    }
  }, 150_000);
});
