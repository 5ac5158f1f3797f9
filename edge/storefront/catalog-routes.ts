import type { Context } from 'hono';
import { PROBLEM_CONTENT_TYPE } from '../../openapi/problem.ts';
import { ProductIdSchema } from '../../openapi/schemas/cart.ts';
import type { Problem } from '../../openapi/schemas/common.ts';
import type { ProductDetail } from '../../openapi/schemas/product.ts';
import { SearchQuerySchema } from '../../openapi/schemas/search.ts';
import type { CachedReadPolicy, createCachedReader } from '../cache/cached-read.ts';
import type { CacheLocation } from '../cache/store.ts';
import type { EdgeApp, EdgeEnv } from '../context.ts';
import { isProblem, type CatalogReads } from '../routes/catalog-reads.ts';
import { homePage } from './home-page.ts';
import type { Html } from './html.ts';
import { productPage, REVIEWS_PER_PAGE, type ReviewForm } from './product-page.ts';
import { errorPage, HTML_TYPE, notFoundPage, PAGE_CSP, sendPage } from './respond.ts';
import { searchPage } from './search-page.ts';
import { parseSearch, searchHref } from './search-url.ts';
import { hasSessionCookie, type Shopper } from './session.ts';

// The anonymous pages (home, search, product): rendered from the same catalog reads as the API,
// and cached as the API's reads are (Redis under the catalog version or the product's hash, the
// in-process hot reads, ETag) — unless the request carries a session, then rendered for that
// shopper alone with Cache-Control: private, no-store.
export type CatalogPagesDeps = {
  reads: CatalogReads;
  /** A cached reader whose responses carry the HTML page headers. */
  cachedRead: ReturnType<typeof createCachedReader>;
  shopper(c: Context<EdgeEnv>): Promise<Shopper | null>;
};

const AS_HTML = { contentType: HTML_TYPE, encode: (v: unknown) => String(v) };
const HOME_BROWSE = 100;
/** Shown to the shopper sent back to the product page (?reviewed=1) after posting a review. */
const REVIEW_THANKS = 'Thank you! Your review will appear here shortly.';

const problemPage = (c: Context<EdgeEnv>, p: Problem) => (p.status === 404 ? notFoundPage(c) : errorPage(c, p.status, p.title, p.detail ?? ''));

export function registerCatalogPages(app: EdgeApp, deps: CatalogPagesDeps) {
  const { reads } = deps;

  /** The page for everyone from the cache, or rendered and cached; a problem becomes its error page. */
  async function cachedPage(c: Context<EdgeEnv>, at: CacheLocation, policy: CachedReadPolicy, render: () => Promise<Html | Problem>): Promise<Response> {
    const res = await deps.cachedRead(c, {
      at,
      policy,
      isProblem,
      as: AS_HTML,
      load: async () => {
        const page = await render();
        return isProblem(page) ? page : page.toString();
      },
    });
    if (!res.headers.get('content-type')?.startsWith(PROBLEM_CONTENT_TYPE)) {
      res.headers.set('content-security-policy', PAGE_CSP);
      return res;
    }
    return problemPage(c, (await res.json()) as Problem);
  }

  /** Anonymous → cached page; with a session → the shopper's own page, never stored. */
  async function page(c: Context<EdgeEnv>, at: () => Promise<CacheLocation>, policy: CachedReadPolicy, render: (s: Shopper | null) => Promise<Html | Problem>) {
    const shopper = hasSessionCookie(c) ? await deps.shopper(c) : null;
    if (!shopper) return cachedPage(c, await at(), policy, () => render(null));
    const out = await render(shopper);
    return isProblem(out) ? problemPage(c, out) : sendPage(c, 200, out);
  }

  app.get('/', (c) =>
    page(
      c,
      () => reads.searchKey('page', { view: 'home' }),
      reads.searchPolicy,
      async (shopper) => {
        const read = await reads.search(SearchQuerySchema.parse({ size: String(HOME_BROWSE) }), null);
        if ('error' in read) throw new Error(read.error.message);
        const browse = await reads.value(c, read);
        return isProblem(browse) ? browse : homePage(browse, shopper ? shopper.csrf : null);
      },
    ),
  );

  app.get('/shop/search', async (c) => {
    const parsed = parseSearch(new URL(c.req.url).searchParams);
    if ('error' in parsed) return errorPage(c, 400, 'That search could not be run', `${parsed.error.field}: ${parsed.error.message}`);
    return page(
      c,
      () => reads.searchKey('page', { view: 'search', href: searchHref(parsed.state) }),
      reads.searchPolicy,
      async (shopper) => {
        const read = await reads.search(parsed.params, null);
        if ('error' in read) return { type: 'validation', title: 'That search could not be run', status: 400, detail: read.error.message };
        const res = await reads.value(c, read);
        return isProblem(res) ? res : searchPage(parsed.state, res, shopper ? shopper.csrf : null);
      },
    );
  });

  app.get('/shop/product/:id', async (c) => {
    const id = c.req.param('id');
    const reviewsPage = Number(c.req.query('reviews') ?? '1');
    if (!ProductIdSchema.safeParse(id).success || !Number.isInteger(reviewsPage) || reviewsPage < 1 || reviewsPage > 1000) return notFoundPage(c);
    return page(
      c,
      async () => ({ key: reads.productKey(id), field: `html:${reviewsPage}` }),
      reads.productPolicy,
      // Only the signed-in page (never stored) thanks for a review: the anonymous one is shared.
      (shopper) => renderProduct(c, id, reviewsPage, shopper, shopper && c.req.query('reviewed') ? { notice: REVIEW_THANKS } : {}),
    );
  });

  /** Also used after a review is posted, to show the form again with its errors. */
  async function renderProduct(
    c: Context<EdgeEnv>,
    id: string,
    reviewsPage: number,
    shopper: Shopper | null,
    extra: { reviewForm?: ReviewForm; notice?: string },
  ): Promise<Html | Problem> {
    const [product, reviews] = await Promise.all([
      reads.value<ProductDetail>(c, reads.product(id)),
      reads.value(c, reads.reviews(id, reviewsPage, REVIEWS_PER_PAGE)),
    ]);
    if (isProblem(product)) return product;
    if (isProblem(reviews)) return reviews;
    return productPage(product, reviews, { csrf: shopper ? shopper.csrf : null, reviewsPage, ...extra });
  }

  return { renderProduct };
}

export type RenderProduct = ReturnType<typeof registerCatalogPages>['renderProduct'];
